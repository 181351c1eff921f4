package news.forum.browser;

import news.forum.support.Api;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * "Your account" in Chromium, in the widget on a publisher's page of another origin: a reader renames themself,
 * changes their password, downloads their data and deletes their account, warned before it happens.
 */
class AccountPanelBrowserTest extends BrowserTest {

    private static final String PASSWORD = "a long passphrase for the panel";
    private static final String NEW_PASSWORD = "another long passphrase 2026";

    private static String status(Browser browser, String formLabel) {
        return browser.waitFor(d -> {
            String text = d.findElement(By.cssSelector("form[aria-label='" + formLabel + "'] .form-status")).getText();
            return text.isEmpty() ? null : text;
        });
    }

    @Test
    void aReaderRenamesChangesThePasswordTakesTheirDataAndLeaves() {
        String username = unique("panel");
        register(username, PASSWORD, "Panel Reader");
        String key = unique("panel-article-");
        String thread = article(key, publisher.allowedOrigin() + "/article");
        String commentId = post(token(username, PASSWORD), thread, "Words of mine to take along", null);
        post(token(OTHER_READER, demoPassword(OTHER_READER)), thread, "An answer that keeps its place", commentId);

        try (Browser browser = new Browser()) {
            browser.open(publisherPage(publisher.allowedOrigin(), key, null));
            browser.enterWidget();
            browser.logIn(username, PASSWORD);
            browser.button("Your account").click();
            browser.waitFor(d -> "Your account".equals(browser.active().getText()) ? true : null);

            // the display name, shown with the reader's comments at once
            WebElement name = browser.field("Shown with your comments (empty: your username)");
            assertThat(name.getAttribute("value")).isEqualTo("Panel Reader");
            name.clear();
            name.sendKeys("Nadia the Reader");
            browser.driver.findElement(By.cssSelector("form[aria-label='Display name'] button[type=submit]")).click();
            browser.waitFor(d -> d.findElement(By.cssSelector(".session .notice")).getText().equals("Display name saved.") ? true : null);
            assertThat(browser.comment("Words of mine").findElement(By.cssSelector(".author")).getText()).isEqualTo("Nadia the Reader");
            assertThat((String) ((Map<?, ?>) api.send(c -> c.comment(commentId)).expectStatus(200).json().get("author")).get("displayName")).isEqualTo("Nadia the Reader");

            // the password: a wrong current one is refused, then the change signs out the other sessions
            browser.field("Current password").sendKeys("not my password at all");
            browser.field("New password (12 to 128 characters; not a common one)").sendKeys(NEW_PASSWORD);
            browser.button("Change password").click();
            assertThat(status(browser, "Password")).isNotEqualTo("Password changed. Your other sessions are signed out.");
            browser.field("Current password").clear();
            browser.field("Current password").sendKeys(PASSWORD);
            browser.button("Change password").click();
            browser.waitFor(d -> status(browser, "Password").equals("Password changed. Your other sessions are signed out.") ? true : null);
            assertThatThrownBy(() -> token(username, PASSWORD)).isInstanceOf(Api.UnexpectedStatus.class);
            assertThat(token(username, NEW_PASSWORD)).isNotBlank();

            // the data, as the file the reader saves: the blob behind the link (the frame may fetch nothing but the forum)
            browser.script("const make = URL.createObjectURL; URL.createObjectURL = (blob) => { window.savedFile = blob; return make(blob); };");
            browser.button("Download my data").click();
            WebElement file = browser.waitFor(d -> {
                WebElement link = d.findElement(By.cssSelector("a.export-file"));
                return link.isDisplayed() ? link : null;
            });
            assertThat(file.getAttribute("download")).isEqualTo("forum-account-data.json");
            assertThat(file.getAttribute("href")).startsWith("blob:");
            String saved = (String) browser.driver.executeAsyncScript(
                    "window.savedFile.text().then(arguments[arguments.length - 1])");
            assertThat(saved).contains(username).contains("Words of mine to take along")
                    .contains("forum-account-export/1");

            // leaving: said to be irreversible before anything happens, confirmed with the password
            WebElement warning = browser.waitFor(d -> d.findElement(By.cssSelector(".danger-zone > p")));
            assertThat(warning.getText()).contains("irreversible").contains("username stays reserved");
            browser.button("Delete my account\u2026").click();
            assertThat(browser.driver.findElement(By.cssSelector(".danger-zone .warning")).getText())
                    .isEqualTo("Delete your account for good? This cannot be undone.");
            browser.field("Your password, to confirm").sendKeys("not my password at all");
            browser.button("Delete my account for good").click();
            browser.waitFor(d -> d.findElement(By.cssSelector(".danger-zone [role=alert]")).getText().isEmpty() ? null : true);
            assertThat(token(username, NEW_PASSWORD)).isNotBlank();
            browser.field("Your password, to confirm").clear();
            browser.field("Your password, to confirm").sendKeys(NEW_PASSWORD);
            browser.button("Delete my account for good").click();

            browser.waitFor(d -> d.findElement(By.cssSelector(".session .notice")).getText().equals("Your account is deleted.") ? true : null);
            assertThat(browser.driver.findElements(By.cssSelector(".session .signed-in"))).isEmpty();
            // the comment is a tombstone without text or name, and the answer under it keeps its place
            WebElement tombstone = browser.waitFor(d -> {
                WebElement li = d.findElement(By.id("comment-" + commentId));
                return li.getAttribute("class").contains("deleted") ? li : null;
            });
            assertThat(tombstone.findElement(By.cssSelector(":scope > article")).getText())
                    .doesNotContain("Words of mine").doesNotContain("Nadia");
            assertThat(tombstone.findElement(By.cssSelector(".replies")).getText()).contains("An answer that keeps its place");
            assertThatThrownBy(() -> token(username, NEW_PASSWORD)).isInstanceOf(Api.UnexpectedStatus.class);
        }
    }
}
