package news.forum.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UntrustedTextBrowserTest extends BrowserTest {

    @Test
    void markupInCommentsAndDisplayNamesRendersAsHarmlessTextAndLinksWithNoDialog() {
        String key = unique("untrusted-");
        String username = unique("mallory");
        String password = "mallory-password-2026";
        register(username, password, "<img src=x onerror=alert(3)>Mallory");
        String token = token(username, password);
        String thread = article(key, demoPage(key));
        post(token, thread, "<img src=x onerror=alert(1)>", null);
        post(token, thread, "[link](javascript:alert(1))", null);
        post(token, thread, "<script>alert(2)</script>\n\nand a [real link](https://example.com/page)", null);

        try (Browser browser = new Browser()) {
            browser.open(demoPage(key));
            browser.enterWidget();
            browser.waitFor(d -> d.findElements(By.cssSelector("li.comment")).size() == 3 ? true : null);
            assertNoDialog(browser);

            WebElement image = browser.comment("<img src=x onerror=alert(1)>");
            assertThat(image.findElement(By.cssSelector(".comment-body")).getText()).isEqualTo("<img src=x onerror=alert(1)>");
            assertThat(browser.driver.findElements(By.cssSelector("ol.comments img"))).isEmpty();
            assertThat(browser.driver.findElements(By.cssSelector("ol.comments script"))).isEmpty();
            assertThat(image.findElement(By.cssSelector(".author")).getText()).isEqualTo("<img src=x onerror=alert(3)>Mallory");

            WebElement link = browser.comment("link");
            for (WebElement anchor : link.findElements(By.cssSelector(".comment-body a"))) {
                assertThat(anchor.getAttribute("href")).doesNotStartWithIgnoringCase("javascript");
                anchor.click();
            }
            assertNoDialog(browser);

            WebElement real = browser.comment("real link").findElement(By.cssSelector(".comment-body a"));
            assertThat(real.getAttribute("href")).isEqualTo("https://example.com/page");
            assertThat(real.getAttribute("rel")).contains("nofollow");
            assertThat(browser.comment("real link").getText()).contains("<script>alert(2)</script>");
        }
    }

    @Test
    void everyAuthorShowsWithTheUsernameAndTheStaffWithTheirBadge() {
        String key = unique("authors-");
        String username = unique("reader");
        String password = "reader-password-2026";
        String displayName = "Nadia " + unique("r");
        register(username, password, displayName);
        String thread = article(key, demoPage(key));
        post(token(username, password), thread, "a reader's words", null);
        post(token(MODERATOR, demoPassword(MODERATOR)), thread, "a moderator's words", null);

        try (Browser browser = new Browser()) {
            browser.open(demoPage(key));
            browser.enterWidget();
            browser.waitFor(d -> d.findElements(By.cssSelector("li.comment")).size() == 2 ? true : null);

            WebElement reader = browser.comment("a reader's words").findElement(By.cssSelector(".comment-meta"));
            assertThat(reader.findElement(By.cssSelector(".author")).getText()).isEqualTo(displayName);
            assertThat(reader.findElement(By.cssSelector(".handle")).getText()).isEqualTo("@" + username);
            assertThat(reader.findElements(By.cssSelector(".badge.staff"))).as("no badge for a reader").isEmpty();
            assertThat(reader.getText().replace('\n', ' ')).as("the name, then the username").startsWith(displayName + " @" + username);

            WebElement moderator = browser.comment("a moderator's words").findElement(By.cssSelector(".comment-meta"));
            assertThat(moderator.findElement(By.cssSelector(".author")).getText()).isEqualTo("Mira (moderator)");
            assertThat(moderator.findElement(By.cssSelector(".handle")).getText()).isEqualTo("@" + MODERATOR);
            assertThat(moderator.findElement(By.cssSelector(".badge.staff")).getText()).isEqualTo("Moderator");
            assertThat(moderator.findElement(By.cssSelector(".badge.staff")).isDisplayed()).isTrue();
        }
    }

    private static void assertNoDialog(Browser browser) {
        assertThatThrownBy(() -> new WebDriverWait(browser.driver, Duration.ofSeconds(2))
                .until(ExpectedConditions.alertIsPresent()))
                .isInstanceOf(org.openqa.selenium.TimeoutException.class);
    }
}
