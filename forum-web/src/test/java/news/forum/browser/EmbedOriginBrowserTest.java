package news.forum.browser;

import news.forum.support.Response;
import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A publisher on another origin: the one the forum allows (localhost), and one it does not (127.0.0.1). */
class EmbedOriginBrowserTest extends BrowserTest {

    private static final String SEED = "us-boots-on-ground-never";

    @Test
    void anAllowedPublisherFramesTheWidgetAndItsFirstReplyStartsTheThread() {
        String key = unique("publisher-");
        try (Browser browser = new Browser()) {
            String page = publisherPage(publisher.allowedOrigin(), key, null);
            browser.open(page);
            browser.enterWidget();
            assertThat(browser.driver.findElement(By.cssSelector(".empty")).getText())
                    .isEqualTo("No comments yet. Start the discussion.");
            browser.logIn(READER, demoPassword(READER));
            browser.field("Your comment").sendKeys("First reply on the publisher's page");
            browser.button("Post").click();
            browser.comment("First reply on the publisher's page");
            assertThat(browser.driver.findElement(By.id("forum-count")).getText()).isEqualTo("1 comment");

            // without data-forum-url, the article's URL is the host page's
            Map<?, ?> article = findArticle(key);
            assertThat((String) article.get("url")).isEqualTo(page);
            assertThat((String) article.get("title")).isEqualTo("A publisher's article");
        }
    }

    @Test
    void theFrameTakesItsContentsHeightAndTheHostPageDoesNotJump() {
        try (Browser browser = new Browser()) {
            browser.open(publisherPage(publisher.allowedOrigin(), SEED, null));
            browser.enterWidget();
            long content = (Long) browser.script("return Math.ceil(document.body.getBoundingClientRect().height)");
            browser.driver.switchTo().defaultContent();
            long before = browser.waitFor(d -> {
                long height = (Long) browser.script("return document.querySelector('iframe').clientHeight");
                return height == content ? height : null;
            });
            long afterTop = (Long) browser.script("return Math.round(document.getElementById('after').getBoundingClientRect().top)");

            browser.enterWidget();
            browser.script("document.querySelector('.session button').click()");
            browser.driver.switchTo().defaultContent();
            long grown = browser.waitFor(d -> {
                long height = (Long) browser.script("return document.querySelector('iframe').clientHeight");
                return height > before ? height : null;
            });
            assertThat((Long) browser.script("return Math.round(window.scrollY)")).isZero();
            assertThat((Long) browser.script("return Math.round(document.getElementById('after').getBoundingClientRect().top)"))
                    .isEqualTo(afterTop + (grown - before));
            browser.enterWidget();
            assertThat((Boolean) browser.script("return document.documentElement.scrollHeight <= window.innerHeight")).isTrue();
        }
    }

    @Test
    void aPublisherOriginThatIsNotAllowedCannotFrameTheWidget() {
        try (Browser browser = new Browser()) {
            browser.open(publisherPage(publisher.otherOrigin(), SEED, null));
            org.openqa.selenium.WebElement frame = browser.waitFor(d -> d.findElement(By.cssSelector("[data-forum-article] iframe")));
            browser.driver.switchTo().frame(frame);
            browser.waitFor(d -> "complete".equals(browser.script("return document.readyState")) ? true : null);
            assertThat(browser.driver.findElements(By.id("forum"))).isEmpty();
            assertThat(browser.driver.findElement(By.tagName("body")).getText()).doesNotContain("Abbottabad");
            browser.driver.switchTo().defaultContent();
            assertThat(browser.driver.findElement(By.tagName("body")).getText()).doesNotContain("Abbottabad");
        }
    }

    @Test
    void aNewArticleWhoseAddressIsNotOnAnAllowedOriginGetsAClearMessageAndNoThread() {
        String key = unique("elsewhere-");
        try (Browser browser = new Browser()) {
            browser.open(publisherPage(publisher.allowedOrigin(), key, "url=https://elsewhere.example/story"));
            browser.enterWidget();
            assertThat(browser.driver.findElement(By.cssSelector("#forum .notice")).getText()).isEqualTo(
                    "Comments are not available on this page: its address does not belong to one of this forum's publishers.");
            assertThat(browser.driver.findElements(By.tagName("button"))).isEmpty();
            assertThat(browser.driver.findElements(By.tagName("textarea"))).isEmpty();
        }
        String token = token(READER, demoPassword(READER));
        Response refused = api.call(c -> c.postFirst(key, null, null)).token(token)
                .body(Map.of("title", "Elsewhere", "url", "https://elsewhere.example/story", "body", "Hello")).send();
        assertThat(refused.status()).isEqualTo(HttpStatus.FORBIDDEN.getCode());
        assertThatThrownBy(() -> findArticle(key)).isInstanceOf(AssertionError.class);
    }

    @Test
    void theWidgetFollowsTheDataThemeAttributeAndTheColourSchemePreference() {
        try (Browser browser = new Browser()) {
            browser.open(publisherPage(publisher.allowedOrigin(), SEED, "theme=dark"));
            browser.enterWidget();
            assertThat((String) browser.script("return document.documentElement.getAttribute('data-theme')")).isEqualTo("dark");
            assertThat((String) browser.script("return getComputedStyle(document.body).backgroundColor")).isEqualTo("rgb(22, 22, 22)");

            browser.driver.executeCdpCommand("Emulation.setEmulatedMedia",
                    Map.of("features", java.util.List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
            browser.open(publisherPage(publisher.allowedOrigin(), SEED, null));
            browser.enterWidget();
            assertThat((String) browser.script("return getComputedStyle(document.body).backgroundColor")).isEqualTo("rgb(22, 22, 22)");

            browser.open(publisherPage(publisher.allowedOrigin(), SEED, "theme=light"));
            browser.enterWidget();
            assertThat((String) browser.script("return getComputedStyle(document.body).backgroundColor")).isEqualTo("rgb(255, 255, 255)");
        }
    }
}
