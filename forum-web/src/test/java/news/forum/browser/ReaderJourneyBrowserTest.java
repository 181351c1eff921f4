package news.forum.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReaderJourneyBrowserTest extends BrowserTest {

    private static final String PASSWORD = "a-journey-password-2026";

    @Test
    void aNewReaderRegistersPostsRepliesThreeLevelsDeepAndFindsEverythingInPlaceAfterAReload() {
        String key = unique("journey-");
        String username = unique("reader");
        try (Browser browser = new Browser()) {
            browser.open(demoPage(key));
            browser.enterWidget();
            assertThat(browser.driver.findElement(By.cssSelector(".empty")).getText())
                    .isEqualTo("No comments yet. Start the discussion.");
            assertThat(browser.driver.findElement(By.id("forum-count")).getText()).isEqualTo("0 comments");

            // the API's messages appear next to the field they are about
            browser.button("Register").click();
            browser.field("Username").sendKeys(username);
            browser.field("Password").sendKeys("short");
            submitAuthForm(browser);
            assertThat(fieldError(browser, "Password")).isEqualTo("must be 12 to 128 characters long");
            replace(browser.field("Username"), READER);
            replace(browser.field("Password"), PASSWORD);
            submitAuthForm(browser);
            assertThat(fieldError(browser, "Username")).containsIgnoringCase("taken");

            replace(browser.field("Username"), username);
            browser.field("Display name (optional)").sendKeys("Journey Reader");
            submitAuthForm(browser);
            assertThat(signedInAs(browser)).isEqualTo("Signed in as Journey Reader");

            browser.button("Log out").click();
            browser.button("Log in");
            browser.logIn(username, PASSWORD);
            assertThat(signedInAs(browser)).isEqualTo("Signed in as Journey Reader");

            WebElement box = browser.field("Your comment");
            box.sendKeys("A **top-level** comment");
            browser.button("Preview").click();
            assertThat(browser.waitVisible(By.cssSelector(".composer .preview strong")).getText()).isEqualTo("top-level");
            browser.button("Post").click();
            WebElement top = browser.comment("A top-level comment");
            assertThat(top.findElement(By.cssSelector(".comment-body strong")).getText()).isEqualTo("top-level");
            assertThat(top.findElement(By.cssSelector(".author")).getText()).isEqualTo("Journey Reader");
            assertThat(browser.field("Your comment").getAttribute("value")).isEmpty();

            reply(browser, "A top-level comment", "Reply level 1");
            reply(browser, "Reply level 1", "Reply level 2");
            reply(browser, "Reply level 2", "Reply level 3");
            assertThat(browser.driver.findElement(By.id("forum-count")).getText()).isEqualTo("4 comments");

            // the first reply started the article and its thread, at the demo page's own address
            Map<?, ?> article = findArticle(key);
            assertThat((String) article.get("url")).isEqualTo(demoPage(key));

            browser.reloadAndEnterWidget();
            assertThat(signedInAs(browser)).isEqualTo("Signed in as Journey Reader");
            assertNested(browser, "A top-level comment", "Reply level 1", "Reply level 2", "Reply level 3");
            assertThat(browser.comment("Reply level 3").getAttribute("data-depth")).isEqualTo("3");

            // edit own comment from its Markdown source
            browser.comment("Reply level 3").findElement(By.xpath("./article//button[.='Edit']")).click();
            WebElement editor = browser.field("Edit your comment");
            assertThat(editor.getAttribute("value")).isEqualTo("Reply level 3");
            editor.sendKeys(", *edited*");
            browser.button("Save").click();
            WebElement edited = browser.comment("Reply level 3, edited");
            assertThat(edited.findElement(By.cssSelector(".comment-body em")).getText()).isEqualTo("edited");
            assertThat(edited.findElement(By.cssSelector(".edited")).getText()).isEqualTo("(edited)");

            // deleting a comment with replies leaves "[deleted]" with the replies kept
            browser.comment("Reply level 1").findElement(By.xpath("./article//button[.='Delete']")).click();
            browser.button("Yes, delete it").click();
            browser.waitFor(d -> d.findElements(By.cssSelector("li.comment.deleted")).size() == 1 ? true : null);
            browser.reloadAndEnterWidget();
            WebElement tombstone = browser.driver.findElement(By.cssSelector("li.comment.deleted"));
            assertThat(tombstone.findElement(By.cssSelector(":scope > article")).getText()).contains("[deleted]");
            assertThat(tombstone.findElement(By.cssSelector(":scope > ol.replies")).getText()).contains("Reply level 2");
            assertThat(browser.comment("A top-level comment").findElement(By.cssSelector(":scope > ol.replies > li"))
                    .getAttribute("class")).contains("deleted");
        }
    }

    private static void reply(Browser browser, String parentText, String text) {
        WebElement parent = browser.comment(parentText);
        parent.findElement(By.xpath("./article//button[.='Reply']")).click();
        WebElement box = parent.findElement(By.cssSelector(":scope > article .comment-slot textarea"));
        assertThat(browser.driver.switchTo().activeElement()).isEqualTo(box);
        box.sendKeys(text);
        parent.findElement(By.cssSelector(":scope > article .comment-slot button[type=submit]")).click();
        browser.waitFor(d -> parent.findElements(By.cssSelector(":scope > ol.replies > li")).stream()
                .anyMatch(li -> li.getText().contains(text)) ? true : null);
    }

    private static void assertNested(Browser browser, String... chain) {
        for (int i = 1; i < chain.length; i++) {
            String child = chain[i];
            WebElement parent = browser.comment(chain[i - 1]);
            assertThat(parent.findElements(By.cssSelector(":scope > ol.replies > li.comment")))
                    .anySatisfy(li -> assertThat(li.findElement(By.cssSelector(":scope > article")).getText()).contains(child));
        }
    }

    private static void submitAuthForm(Browser browser) {
        browser.driver.findElement(By.cssSelector("form.auth button[type=submit]")).click();
    }

    private static void replace(WebElement input, String text) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text);
    }

    private static String fieldError(Browser browser, String label) {
        WebElement input = browser.field(label);
        return browser.waitFor(d -> {
            WebElement error = d.findElement(By.id(input.getAttribute("id") + "-error"));
            return error.isDisplayed() && "true".equals(input.getAttribute("aria-invalid")) ? error.getText() : null;
        });
    }

    private static String signedInAs(Browser browser) {
        return browser.waitFor(d -> d.findElement(By.cssSelector(".session .signed-in"))).getText();
    }
}
