package news.forum.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

class ModerationBrowserTest extends BrowserTest {

    @Test
    void aModeratorLocksTheThreadInTheWidgetAndAnotherReaderSeesTheNoticeAndNoReplyBoxAfterReload() {
        String key = ForumApi.unique("moderated-");
        ForumApi api = api();
        String thread = api.article(key, demoPage(key));
        api.post(api.token(READER, READER_PASSWORD), thread, "A fair point about the article", null);
        api.post(api.token("imran", "reader-demo-2012-imran"), thread, "Buy cheap watches at my site", null);

        try (Browser moderator = new Browser(); Browser reader = new Browser()) {
            reader.open(demoPage(key));
            reader.enterWidget();
            reader.logIn(OTHER_READER, OTHER_READER_PASSWORD);
            assertThat(reader.buttons("Reply")).hasSize(2);
            assertThat(reader.buttons("Lock thread")).isEmpty();
            assertThat(reader.buttons("Remove")).isEmpty();

            moderator.open(demoPage(key));
            moderator.enterWidget();
            moderator.logIn(MODERATOR, MODERATOR_PASSWORD);
            moderator.comment("Buy cheap watches").findElement(By.xpath("./article//button[.='Remove']")).click();
            moderator.button("Yes, remove it").click();
            moderator.waitFor(d -> d.findElements(By.cssSelector("li.comment")).size() == 1 ? true : null);

            moderator.field("Reason for closing (optional)").sendKeys("The discussion has run its course.");
            moderator.button("Lock thread").click();
            assertThat(moderator.waitVisible(By.id("forum-lock-notice")).getText())
                    .isEqualTo("Comments are closed: The discussion has run its course.");
            assertThat(moderator.button("Unlock thread").isDisplayed()).isTrue();
            assertThat(moderator.driver.findElements(By.tagName("textarea"))).isEmpty();

            reader.reloadAndEnterWidget();
            assertThat(reader.driver.findElement(By.id("forum-lock-notice")).getText())
                    .isEqualTo("Comments are closed: The discussion has run its course.");
            assertThat(reader.driver.findElements(By.tagName("textarea"))).isEmpty();
            assertThat(reader.buttons("Reply")).isEmpty();
            assertThat(reader.comment("A fair point about the article").isDisplayed()).isTrue();
            // the removed comment keeps its place, without its text or author
            assertThat(reader.driver.findElements(By.cssSelector("li.comment"))).hasSize(2);
            assertThat(reader.driver.getPageSource()).doesNotContain("Buy cheap watches");

            moderator.button("Unlock thread").click();
            moderator.button("Lock thread");
            reader.reloadAndEnterWidget();
            assertThat(reader.driver.findElements(By.id("forum-lock-notice"))).isEmpty();
            assertThat(reader.field("Your comment").isDisplayed()).isTrue();
            assertThat(reader.buttons("Reply")).hasSize(1);
        }
    }
}
