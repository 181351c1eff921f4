package news.forum.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

class ModerationBrowserTest extends BrowserTest {

    @Test
    void aModeratorLocksTheThreadInTheWidgetAndAnotherReaderSeesTheNoticeAndNoReplyBoxAfterReload() {
        String key = unique("moderated-");
        String thread = article(key, demoPage(key));
        post(token(READER, demoPassword(READER)), thread, "A fair point about the article, before the lock", null);
        post(token("imran", demoPassword("imran")), thread, "Buy cheap watches at my shop", null);

        try (Browser moderator = new Browser(); Browser reader = new Browser()) {
            reader.open(demoPage(key));
            reader.enterWidget();
            reader.logIn(OTHER_READER, demoPassword(OTHER_READER));
            assertThat(reader.buttons("Reply")).hasSize(2);
            assertThat(reader.buttons("Lock thread")).isEmpty();
            assertThat(reader.buttons("Remove")).isEmpty();

            moderator.open(demoPage(key));
            moderator.enterWidget();
            moderator.logIn(MODERATOR, demoPassword(MODERATOR));
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
            assertThat(reader.comment("A fair point about the article, before the lock").isDisplayed()).isTrue();
            assertThat(reader.driver.findElements(By.cssSelector("li.comment"))).hasSize(2);

            moderator.button("Unlock thread").click();
            moderator.button("Lock thread");
            reader.reloadAndEnterWidget();
            assertThat(reader.driver.findElements(By.id("forum-lock-notice"))).isEmpty();
            assertThat(reader.field("Your comment").isDisplayed()).isTrue();
            assertThat(reader.buttons("Reply")).hasSize(2);
        }
    }

    @Test
    void aModeratorRemovesACommentWithAReasonBansItsAuthorAndRestoresItFromTheWidget() {
        String key = unique("widget-moderation-");
        String spammer = unique("seller");
        String spammerPassword = "a-seller-password-2026";
        register(spammer, spammerPassword, "Watch Seller");
        String thread = article(key, demoPage(key));
        post(token(READER, demoPassword(READER)), thread, "A fair point about the article", null);
        post(token(spammer, spammerPassword), thread, "Buy cheap watches at my site", null);

        try (Browser moderator = new Browser(); Browser author = new Browser(); Browser reader = new Browser()) {
            // the author signs in before the ban: the token he holds stops working for writes all the same
            author.open(demoPage(key));
            author.enterWidget();
            author.logIn(spammer, spammerPassword);

            moderator.open(demoPage(key));
            moderator.enterWidget();
            moderator.logIn(MODERATOR, demoPassword(MODERATOR));
            assertThat(moderator.comment("A fair point").findElements(By.xpath("./article//button[.='Restore']"))).isEmpty();
            moderator.comment("Buy cheap watches").findElement(By.xpath("./article//button[.='Remove']")).click();
            moderator.button("Yes, remove it").click();
            assertThat(moderator.waitVisible(By.cssSelector(".confirm [role=alert]")).getText()).isEqualTo("Give a reason.");
            moderator.field("Reason for removal (shown to readers)").sendKeys("spam");
            moderator.button("Yes, remove it").click();
            // the moderator still sees the text, marked, with the way back
            WebElement removed = moderator.comment("Buy cheap watches");
            moderator.waitFor(d -> removed.findElements(By.xpath("./article//button[.='Restore']")).isEmpty() ? null : true);
            assertThat(removed.findElement(By.cssSelector(".badge")).getText()).isEqualTo("Removed by a moderator: spam");
            moderator.screenshot("widget-moderator");
            moderator.enterWidget();

            reader.open(demoPage(key));
            reader.enterWidget();
            assertThat(reader.driver.findElement(By.cssSelector("li.comment.deleted .deleted-text")).getText())
                    .isEqualTo("Removed by a moderator: spam");
            assertThat(reader.driver.findElement(By.id("forum")).getText()).doesNotContain("cheap watches");

            removed.findElement(By.xpath("./article//button[.='Ban author']")).click();
            moderator.field("Reason for the ban (shown to them)").sendKeys("Advertising again and again");
            moderator.button("Yes, ban them").click();
            assertThat(moderator.waitVisible(By.cssSelector(".comment-slot .hint")).getText()).isEqualTo(spammer + " is banned.");

            author.field("Your comment").sendKeys("Still selling watches");
            author.button("Post").click();
            assertThat(author.waitVisible(By.cssSelector(".composer .form-error")).getText()).contains("Advertising again and again");
            assertThat(findArticle(key).get("thread")).extracting("commentCount").isEqualTo(1);

            moderator.comment("Buy cheap watches").findElement(By.xpath("./article//button[.='Restore']")).click();
            moderator.waitFor(d -> moderator.comment("Buy cheap watches").findElements(By.cssSelector(".badge")).isEmpty() ? true : null);
            reader.reloadAndEnterWidget();
            assertThat(reader.comment("Buy cheap watches at my site").isDisplayed()).isTrue();
            assertThat(reader.driver.findElements(By.cssSelector("li.comment.deleted"))).isEmpty();
        }
    }
}
