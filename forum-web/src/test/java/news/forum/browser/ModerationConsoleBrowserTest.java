package news.forum.browser;

import news.forum.support.Pages;
import news.forum.support.Api;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The moderator console at /moderation, driven in Chromium, with the widget showing readers the outcome. */
class ModerationConsoleBrowserTest extends BrowserTest {

    @Test
    void aModeratorApprovesAHeldCommentInTheConsoleAndAnotherReaderThenSeesItInTheWidget() {
        String key = unique("held-");
        String thread = article(key, demoPage(key));
        moderateThread(thread, "all", 0);

        try (Browser author = new Browser(); Browser reader = new Browser(); Browser moderator = new Browser()) {
            author.open(demoPage(key));
            author.enterWidget();
            author.logIn(READER, demoPassword(READER));
            author.field("Your comment").sendKeys("A comment that waits for a moderator");
            author.button("Post").click();
            // the 202 answer: the author sees his comment, marked, and it counts nowhere yet
            WebElement held = author.comment("A comment that waits for a moderator");
            assertThat(held.findElement(By.cssSelector(".badge")).getText()).isEqualTo("Awaiting review");
            assertThat(author.driver.findElement(By.id("forum-count")).getText()).isEqualTo("0 comments");
            author.reloadAndEnterWidget();
            assertThat(author.comment("A comment that waits for a moderator").findElement(By.cssSelector(".badge")).getText())
                    .isEqualTo("Awaiting review");

            reader.open(demoPage(key));
            reader.enterWidget();
            reader.logIn(OTHER_READER, demoPassword(OTHER_READER));
            assertThat(reader.driver.findElements(By.cssSelector("li.comment"))).isEmpty();

            signIn(moderator, MODERATOR, demoPassword(MODERATOR));
            WebElement item = queueItem(moderator, "pending", "A comment that waits for a moderator");
            assertThat(item.findElement(By.cssSelector(".item-title")).getText()).isEqualTo("Tariq in “Article " + key + "”");
            assertThat(item.findElement(By.cssSelector(".item-meta")).getText()).contains("@tariq", "article " + key);
            item.findElement(By.xpath(".//button[.='Approve']")).click();
            assertThat(result(moderator, "pending")).isEqualTo("Approved: the comment is published.");
            assertThat(queueTexts(moderator, "pending")).noneMatch(text -> text.contains("waits for a moderator"));
            moderator.waitFor(d -> logTexts(moderator).stream().anyMatch(text -> text.contains("approved")) ? true : null);

            reader.reloadAndEnterWidget();
            WebElement approved = reader.comment("A comment that waits for a moderator");
            assertThat(approved.findElements(By.cssSelector(".badge"))).isEmpty();
            assertThat(reader.driver.findElement(By.id("forum-count")).getText()).isEqualTo("1 comment");
            author.reloadAndEnterWidget();
            assertThat(author.comment("A comment that waits for a moderator").findElements(By.cssSelector(".badge"))).isEmpty();
        }
    }

    @Test
    void aCommentReportedByReadersIsRemovedWithAReasonInTheConsoleAndReadersSeeTheReasonInItsPlace() {
        String key = unique("flagged-");
        String thread = article(key, demoPage(key));
        String spam = post(token("imran", demoPassword("imran")), thread, "Cheap watches, click my link", null);
        String reply = post(token(READER, demoPassword(READER)), thread, "Nobody wants your watches", spam);

        try (Browser reader = new Browser(); Browser moderator = new Browser()) {
            reader.open(demoPage(key));
            reader.enterWidget();
            reader.logIn(OTHER_READER, demoPassword(OTHER_READER));
            reader.comment("Cheap watches").findElement(By.xpath("./article//button[.='Report']")).click();
            new org.openqa.selenium.support.ui.Select(reader.field("Reason")).selectByVisibleText("Spam");
            reader.field("Anything the moderators should know (optional)").sendKeys("An advert for watches");
            reader.button("Send report").click();
            assertThat(reader.waitVisible(By.cssSelector(".comment-slot [role=status]")).getText())
                    .isEqualTo("Thank you. The moderators will review this comment.");
            assertThat(reader.comment("Cheap watches").findElements(By.xpath("./article//button[.='Report']"))).isEmpty();

            signIn(moderator, MODERATOR, demoPassword(MODERATOR));
            WebElement item = queueItem(moderator, "flagged", "Cheap watches");
            assertThat(item.findElement(By.cssSelector("ul.flags")).getText()).contains("Spam: An advert for watches", "sana");
            WebElement reason = item.findElement(By.cssSelector(".remove-with-reason input"));
            item.findElement(By.xpath(".//button[.='Remove']")).click();
            // a removal needs a reason: readers see it
            assertThat(item.findElement(By.cssSelector("[role=alert]")).getText()).isEqualTo("Give a reason: readers see it.");
            assertThat(moderator.driver.switchTo().activeElement()).isEqualTo(reason);
            reason.sendKeys("advertising");
            item.findElement(By.xpath(".//button[.='Remove']")).click();
            assertThat(result(moderator, "flagged")).isEqualTo("Removed: readers see the reason in its place.");
            moderator.waitFor(d -> logTexts(moderator).stream()
                    .anyMatch(text -> text.contains("removed") && text.contains("advertising")) ? true : null);

            reader.reloadAndEnterWidget();
            WebElement removed = reader.comment("Nobody wants your watches").findElement(By.xpath("ancestor::li[1]"));
            assertThat(removed.findElement(By.cssSelector(":scope > article .deleted-text")).getText())
                    .isEqualTo("Removed by a moderator: advertising");
            assertThat(removed.getText()).doesNotContain("Cheap watches");
            // its reply stays in place under it
            assertThat(reader.comment("Nobody wants your watches").isDisplayed()).isTrue();
            assertThat(comment(reply, null).get("status")).isEqualTo("published");
        }
    }

    @Test
    void aReaderWhoSignsInIsToldTheConsoleIsForModeratorsOnly() {
        try (Browser browser = new Browser()) {
            browser.open(forum() + Pages.console());
            browser.field("Password").sendKeys("wrong password for tariq");
            browser.field("Username").sendKeys(READER);
            browser.button("Log in").click();
            assertThat(browser.waitVisible(By.id("sign-in-error")).getText()).isNotBlank();

            browser.field("Password").clear();
            browser.field("Password").sendKeys(demoPassword(READER));
            browser.button("Log in").click();
            WebElement refused = browser.waitVisible(By.id("console-refused"));
            assertThat(refused.getText()).contains("Moderators only", "This console is for moderators only.");
            assertThat(browser.driver.findElement(By.id("console-work")).isDisplayed()).isFalse();
            assertThat(browser.driver.findElements(By.cssSelector(".queue-item"))).isEmpty();
            assertThat(browser.driver.findElement(By.id("console-signed-in")).getText()).isEqualTo("Signed in as Tariq (reader)");

            browser.button("Log out").click();
            assertThat(browser.waitVisible(By.id("console-sign-in")).isDisplayed()).isTrue();
            assertThat(refused.isDisplayed()).isFalse();
        }
    }

    @Test
    void aKeyboardUserSignsInAndApprovesAHeldCommentWithoutAMouse() {
        String key = unique("keyboard-held-");
        String thread = article(key, demoPage(key));
        moderateThread(thread, "all", 0);
        post(token(READER, demoPassword(READER)), thread, "Approved from the keyboard " + key, null);

        try (Browser browser = new Browser()) {
            browser.open(forum() + Pages.console());
            browser.waitVisible(By.id("console-sign-in"));
            browser.tabTo(element -> "username".equals(element.getAttribute("name")));
            browser.type(MODERATOR);
            browser.press(Keys.TAB);
            assertThat(browser.active().getAttribute("name")).isEqualTo("password");
            browser.type(demoPassword(MODERATOR));
            browser.press(Keys.ENTER);
            browser.waitVisible(By.id("console-work"));

            WebElement item = queueItem(browser, "pending", "Approved from the keyboard " + key);
            WebElement approve = item.findElement(By.xpath(".//button[.='Approve']"));
            browser.tabTo(approve::equals);
            browser.press(Keys.ENTER);
            assertThat(result(browser, "pending")).isEqualTo("Approved: the comment is published.");
            // focus stays in the queue, so the moderator carries on from there
            String focused = browser.active().getTagName();
            assertThat(focused).isIn("button", "h2");
            assertThat(findArticle(key).get("thread")).extracting("commentCount").isEqualTo(1);
        }
    }

    @Test
    void aModeratorLocksAThreadWithANoteAndSetsSlowModeFromTheConsoleAndReadersSeeBoth() {
        String key = unique("console-thread-");
        article(key, demoPage(key));

        try (Browser moderator = new Browser(); Browser reader = new Browser()) {
            signIn(moderator, MODERATOR, demoPassword(MODERATOR));
            moderator.field("Article key").sendKeys(key);
            moderator.button("Find").click();
            assertThat(moderator.waitVisible(By.id("thread-title")).getText()).isEqualTo("Article " + key);
            assertThat(moderator.driver.findElement(By.id("thread-state")).getText()).contains("Open for comments.");

            WebElement slowMode = moderator.field("Slow mode: seconds between one reader's comments");
            slowMode.clear();
            slowMode.sendKeys("90");
            moderator.button("Save settings").click();
            moderator.waitFor(d -> d.findElement(By.id("thread-result")).getText().equals("Settings saved.") ? true : null);
            assertThat(moderator.driver.findElement(By.id("thread-state")).getText())
                    .contains("Slow mode: one comment every 90 seconds");

            reader.open(demoPage(key));
            reader.enterWidget();
            assertThat(reader.driver.findElement(By.id("forum-slow-mode")).getText())
                    .isEqualTo("Slow mode: one comment every 90 seconds");
            reader.logIn(READER, demoPassword(READER));
            reader.field("Your comment").sendKeys("The first comment under slow mode");
            reader.button("Post").click();
            reader.comment("The first comment under slow mode");
            reader.field("Your comment").sendKeys("A second one, too soon");
            reader.button("Post").click();
            assertThat(reader.waitVisible(By.cssSelector(".composer .form-error")).getText())
                    .matches("Slow mode is on: you can comment again in \\d+ seconds\\.");

            moderator.field("Reason (optional, one line)").sendKeys("The discussion has run its course");
            moderator.field("Note to readers (optional)").sendKeys("Thank you all. A follow-up article opens on Monday.");
            moderator.button("Lock thread").click();
            moderator.waitFor(d -> d.findElement(By.id("thread-result")).getText().equals("The thread is locked.") ? true : null);
            assertThat(moderator.button("Unlock thread").isDisplayed()).isTrue();

            reader.reloadAndEnterWidget();
            assertThat(reader.driver.findElement(By.id("forum-lock-notice")).getText())
                    .isEqualTo("Comments are closed: The discussion has run its course");
            assertThat(reader.driver.findElement(By.id("forum-lock-note")).getText())
                    .isEqualTo("Thank you all. A follow-up article opens on Monday.");
            assertThat(reader.driver.findElements(By.id("forum-slow-mode"))).isEmpty();

            moderator.button("Unlock thread").click();
            moderator.waitFor(d -> d.findElement(By.id("thread-result")).getText().equals("The thread is open again.") ? true : null);
            reader.reloadAndEnterWidget();
            assertThat(reader.driver.findElements(By.id("forum-lock-notice"))).isEmpty();
            assertThat(moderator.driver.findElements(By.cssSelector("ol.log li"))).isNotEmpty();
        }
    }

    @Test
    void anAdministratorEditsTheWordRulesAndAReaderIsRefusedOrHeldByThem() {
        String key = unique("word-rules-");
        article(key, demoPage(key));
        String refused = unique("zorblax");
        String held = unique("quuxify");

        try (Browser moderator = new Browser(); Browser admin = new Browser(); Browser reader = new Browser()) {
            signIn(moderator, MODERATOR, demoPassword(MODERATOR));
            assertThat(moderator.driver.findElement(By.id("word-rules")).isDisplayed()).as("administrators only").isFalse();

            signIn(admin, Api.ADMIN, Api.ADMIN_PASSWORD);
            admin.field("Refuse comments containing").sendKeys(refused);
            admin.field("Hold for review comments containing").sendKeys(held);
            admin.button("Save word rules").click();
            admin.waitFor(d -> d.findElement(By.id("rules-result")).getText().equals("Word rules saved.") ? true : null);
            admin.waitFor(d -> logTexts(admin).stream().anyMatch(text -> text.contains("changed the word rules")) ? true : null);

            reader.open(demoPage(key));
            reader.enterWidget();
            reader.logIn(OTHER_READER, demoPassword(OTHER_READER));
            reader.field("Your comment").sendKeys("What a " + refused.toUpperCase(java.util.Locale.ROOT) + " this is");
            reader.button("Post").click();
            assertThat(reader.waitVisible(By.cssSelector(".composer .form-error")).getText()).contains(refused);
            assertThat(reader.driver.findElements(By.cssSelector("li.comment"))).isEmpty();

            WebElement box = reader.field("Your comment");
            box.clear();
            box.sendKeys("Please " + held + " the article");
            reader.button("Post").click();
            assertThat(reader.comment("Please " + held).findElement(By.cssSelector(".badge")).getText()).isEqualTo("Awaiting review");

            admin.button("Refresh").click();
            assertThat(queueItem(admin, "pending", "Please " + held).getText()).contains("Held:");

            // the rules go back to what they were, for the other tests of this server
            admin.field("Refuse comments containing").clear();
            admin.field("Hold for review comments containing").clear();
            admin.button("Save word rules").click();
            admin.waitFor(d -> logTexts(admin).stream().filter(text -> text.contains("changed the word rules")).count() == 2 ? true : null);
        }
    }

    // ---- the console, as a moderator uses it ----

    private void signIn(Browser browser, String username, String password) {
        browser.open(forum() + Pages.console());
        browser.field("Username").sendKeys(username);
        browser.field("Password").sendKeys(password);
        browser.button("Log in").click();
        browser.waitVisible(By.id("console-work"));
    }

    /** The console's queue item holding the text, once its queue has loaded it. */
    static WebElement queueItem(Browser browser, String queue, String text) {
        return browser.waitFor(d -> (WebElement) browser.script(
                "return Array.from(document.querySelectorAll(arguments[0])).find(e => e.innerText.includes(arguments[1]))"
                        + " || null;", "#" + queue + " .queue-item", text));
    }

    private static List<String> queueTexts(Browser browser, String queue) {
        return browser.texts("#" + queue + " .queue-item");
    }

    private static List<String> logTexts(Browser browser) {
        return browser.texts("ol.log li");
    }

    private static String result(Browser browser, String section) {
        return browser.waitFor(d -> {
            String text = d.findElement(By.cssSelector("#" + section + " .result")).getText();
            return text.isBlank() ? null : text;
        });
    }
}
