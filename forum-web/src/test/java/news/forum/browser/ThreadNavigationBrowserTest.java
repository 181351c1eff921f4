package news.forum.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadNavigationBrowserTest extends BrowserTest {

    @Test
    void repliesBelowTheReadableDepthOpenInTheirOwnBranch() {
        String key = unique("deep-");
        String thread = article(key, demoPage(key));
        String token = token(READER, demoPassword(READER));
        String parent = null;
        for (int depth = 0; depth <= 7; depth++) {
            parent = post(token, thread, "Reply at depth " + depth, parent);
        }
        try (Browser browser = new Browser()) {
            browser.open(demoPage(key));
            browser.enterWidget();
            WebElement fifth = browser.comment("Reply at depth 5");
            assertThat(browser.driver.getPageSource()).doesNotContain("Reply at depth 6");
            fifth.findElement(By.xpath("./button[.='Continue this thread']")).click();

            browser.waitVisible(By.cssSelector(".branch-bar"));
            assertThat(browser.driver.findElement(By.cssSelector(".branch-bar p")).getText())
                    .isEqualTo("You are reading one branch of the discussion.");
            assertThat(browser.comment("Reply at depth 7").isDisplayed()).isTrue();
            assertThat(browser.comment("Reply at depth 6").getAttribute("data-depth")).isEqualTo("1");
            assertThat(browser.driver.getPageSource()).doesNotContain("Reply at depth 4");

            browser.button("Back to the whole discussion").click();
            assertThat(browser.comment("Reply at depth 0").isDisplayed()).isTrue();
            assertThat(browser.driver.getPageSource()).doesNotContain("Reply at depth 6");
        }
    }

    @Test
    void loadMoreContinuesFromTheCursorAndTheSortSwitchReorders() {
        String key = unique("long-");
        String thread = article(key, demoPage(key));
        String token = token(READER, demoPassword(READER));
        for (int i = 1; i <= 55; i++) {
            post(token, thread, String.format("Comment number %02d", i), null);
        }
        try (Browser browser = new Browser()) {
            browser.open(demoPage(key));
            browser.enterWidget();
            assertThat(browser.driver.findElement(By.id("forum-count")).getText()).isEqualTo("55 comments");
            assertThat(texts(browser)).hasSize(50).first().isEqualTo("Comment number 01");

            browser.button("Load more comments").click();
            browser.waitFor(d -> texts(browser).size() == 55 ? true : null);
            List<String> all = texts(browser);
            assertThat(new HashSet<>(all)).hasSize(55);
            assertThat(all.get(54)).isEqualTo("Comment number 55");
            assertThat(browser.buttons("Load more comments")).isEmpty();
            @SuppressWarnings("unchecked")
            List<String> requests = (List<String>) browser.script("return performance.getEntriesByType('resource')"
                    + ".map(e => e.name).filter(n => n.includes('/comments?'))");
            assertThat(requests).hasSize(2);
            assertThat(requests.get(0)).doesNotContain("after=");
            assertThat(requests.get(1)).contains("after=");

            new Select(browser.field("Sort by")).selectByVisibleText("Newest first");
            browser.waitFor(d -> {
                List<String> shown = texts(browser);
                return !shown.isEmpty() && shown.get(0).equals("Comment number 55") ? true : null;
            });
            assertThat(texts(browser)).hasSize(50);
        }
    }

    private static List<String> texts(Browser browser) {
        return browser.driver.findElements(By.cssSelector("li.comment .comment-body")).stream()
                .map(WebElement::getText).toList();
    }
}
