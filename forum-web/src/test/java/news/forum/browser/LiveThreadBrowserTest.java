package news.forum.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/** Two readers on one thread: what one writes reaches the other without a reload, but never under the reader's eyes. */
class LiveThreadBrowserTest extends BrowserTest {

    @Test
    void aReplyFromAnotherBrowserWaitsBehindANewReplyButtonAndALockShowsAtOnce() {
        String key = unique("live-");
        String thread = article(key, demoPage(key));
        post(token(READER, demoPassword(READER)), thread, "The opening comment", null);

        try (Browser reader = new Browser(); Browser writer = new Browser()) {
            reader.open(demoPage(key));
            reader.enterWidget();
            reader.logIn(OTHER_READER, demoPassword(OTHER_READER));
            reader.comment("The opening comment").findElement(By.xpath("./article//button[.='Reply']")).click();
            reader.driver.switchTo().activeElement().sendKeys("Half-written thoughts");

            writer.open(demoPage(key));
            writer.enterWidget();
            writer.logIn(READER, demoPassword(READER));
            WebElement opening = writer.comment("The opening comment");
            opening.findElement(By.xpath("./article//button[.='Reply']")).click();
            writer.driver.switchTo().activeElement().sendKeys("A reply from the second browser");
            opening.findElement(By.cssSelector(":scope > article .comment-slot button[type=submit]")).click();
            writer.comment("A reply from the second browser");

            WebElement news = reader.button("1 new reply");
            assertThat(news.findElement(By.xpath("..")).getAttribute("aria-live")).isEqualTo("polite");
            assertThat(reader.driver.findElements(By.cssSelector("li.comment"))).as("nothing pushed into the text")
                    .hasSize(1);
            assertThat(reader.driver.findElement(By.id("forum-count")).getText()).isEqualTo("2 comments");
            assertThat(reader.driver.findElement(By.cssSelector(".comment-slot textarea")).getAttribute("value"))
                    .isEqualTo("Half-written thoughts");

            news.click();
            WebElement reply = reader.comment("A reply from the second browser");
            assertThat(reader.comment("The opening comment").findElements(By.cssSelector(":scope > ol.replies > li.comment")))
                    .containsExactly(reply);
            assertThat(reader.driver.switchTo().activeElement().getText()).contains("A reply from the second browser");
            assertThat(reader.buttons("1 new reply")).isEmpty();

            lock(token(MODERATOR, demoPassword(MODERATOR)), thread, "Legal review");
            assertThat(reader.waitVisible(By.id("forum-lock-notice")).getText())
                    .isEqualTo("Comments are closed: Legal review");
            reader.waitFor(d -> d.findElements(By.tagName("textarea")).isEmpty() ? true : null);
            assertThat(reader.buttons("Reply")).isEmpty();
            assertThat(reader.comment("A reply from the second browser").isDisplayed()).isTrue();
        }
    }
}
