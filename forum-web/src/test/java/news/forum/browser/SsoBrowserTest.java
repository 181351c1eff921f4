package news.forum.browser;

import news.forum.demo.DemoPublisherSite;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on in Chromium on the demo's second publisher (its own origin, its own readers, its server signing
 * their tokens), with FORUM_LOCAL_ACCOUNTS=false: the widget offers the host's sign-in only, a reader who signs in
 * on the host comments in the widget as that reader, and signing out on the host signs the widget out.
 */
class SsoBrowserTest extends BrowserTest {

    private static final String HOST_READER = "amina";
    private static final String HOST_READER_NAME = "Amina Diallo";

    @Override
    protected Map<String, String> browserServerProperties() {
        return Map.of("forum.accounts.local", "false");
    }

    private String site() {
        return bean(DemoPublisherSite.class).origin().orElseThrow(() -> new AssertionError("the demo publisher does not listen"));
    }

    private void signInOnTheHost(Browser browser) {
        browser.driver.switchTo().defaultContent();
        browser.driver.findElement(By.id("publisher-username")).sendKeys(HOST_READER);
        browser.driver.findElement(By.id("publisher-password")).sendKeys(bean(DemoPublisherSite.class).password(HOST_READER));
        browser.driver.findElement(By.cssSelector("#publisher-login button[type=submit]")).click();
        browser.waitFor(d -> d.findElement(By.id("publisher-signed-in")).isDisplayed() ? true : null);
    }

    private static String signedInAs(Browser browser) {
        return browser.waitFor(d -> d.findElement(By.cssSelector(".session .signed-in"))).getText();
    }

    private static void assertSignedOutWithTheHostsSignInOnly(Browser browser) {
        browser.waitFor(d -> d.findElements(By.cssSelector(".session .signed-in")).isEmpty()
                && browser.buttons("Sign in").size() == 1 ? true : null);
        assertThat(browser.buttons("Log in")).isEmpty();
        assertThat(browser.buttons("Register")).isEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("form.auth, .composer textarea"))).isEmpty();
    }

    @Test
    void aReaderSignsInOnThePublishersSiteCommentsInTheWidgetAndSignsOutThere() {
        try (Browser browser = new Browser()) {
            browser.open(site() + "/");
            browser.enterWidget();
            assertSignedOutWithTheHostsSignInOnly(browser);
            assertThat(browser.driver.findElement(By.cssSelector(".session")).getText()).doesNotContain("Log in");

            // the widget's sign-in is the host's: its login form gets the focus
            browser.button("Sign in").click();
            browser.driver.switchTo().defaultContent();
            browser.waitFor(d -> "publisher-username".equals(browser.active().getAttribute("id")) ? true : null);
            signInOnTheHost(browser);

            // the page loaded again: the reader arrives signed in, with the publisher's name, and no forum form
            browser.enterWidget();
            assertThat(signedInAs(browser)).isEqualTo("Signed in as " + HOST_READER_NAME);
            assertThat(browser.buttons("Sign in")).isEmpty();
            String text = "Signed in by the Herald " + unique("c");
            browser.field("Your comment").sendKeys(text);
            browser.button("Post").click();
            WebElement mine = browser.comment(text);
            assertThat(mine.findElement(By.cssSelector(".author")).getText()).isEqualTo(HOST_READER_NAME);

            // what the server holds: an account of the publisher's reader, made by the token, with no password
            String id = mine.getAttribute("data-comment-id");
            Map<?, ?> comment = api.send(c -> c.comment(id)).expectStatus(200).json();
            Map<?, ?> author = (Map<?, ?>) comment.get("author");
            assertThat((String) author.get("username")).startsWith(HOST_READER);

            // signing out on the host, without a page load, signs the widget out
            browser.driver.switchTo().defaultContent();
            browser.driver.findElement(By.id("publisher-logout")).click();
            browser.waitFor(d -> d.findElement(By.id("publisher-login")).isDisplayed() ? true : null);
            browser.enterWidget();
            assertSignedOutWithTheHostsSignInOnly(browser);
            assertThat(browser.comment(text).findElement(By.cssSelector(".author")).getText()).isEqualTo(HOST_READER_NAME);

            // and a page load keeps it so
            browser.reloadAndEnterWidget();
            assertSignedOutWithTheHostsSignInOnly(browser);
        }
    }

    @Test
    void aReaderArrivesSignedInWithTheTokenOnTheEmbedElementAndTheWidgetsSignOutIsTheHosts() {
        try (Browser browser = new Browser()) {
            browser.open(site() + "/?sso=attribute");
            browser.enterWidget();
            assertSignedOutWithTheHostsSignInOnlyOrAHint(browser);
            signInOnTheHost(browser);
            browser.enterWidget();
            assertThat(signedInAs(browser)).isEqualTo("Signed in as " + HOST_READER_NAME);

            // the token served once: the embed element no longer holds it
            browser.driver.switchTo().defaultContent();
            assertThat(browser.driver.findElement(By.cssSelector("[data-forum-article]")).getAttribute("data-forum-sso-token")).isEmpty();

            // the host signs out (and loads the page again): the element says nobody is signed in
            browser.driver.findElement(By.id("publisher-logout")).click();
            browser.waitFor(d -> d.findElement(By.id("publisher-login")).isDisplayed() ? true : null);
            browser.enterWidget();
            browser.waitFor(d -> d.findElements(By.cssSelector(".session .signed-in")).isEmpty() ? true : null);
            assertThat(browser.driver.findElements(By.cssSelector(".composer textarea"))).isEmpty();
        }
    }

    /** With the token on the element and no callbacks the host lends no sign-in button: the widget says where. */
    /**
     * The account panel of a reader the publisher signs in: no password form, the name said to be kept by the
     * publisher, the data downloaded, and deletion asked for without a password. Deleting ends the publisher's link
     * to the account (its issuer and subject go), so the host's next sign-in makes a new account under a new username:
     * the old one stays reserved, and the old comment stays a tombstone.
     */
    @Test
    void aReaderThePublisherSignsInTakesTheirDataAndLeavesWithoutAPassword() {
        try (Browser browser = new Browser()) {
            browser.open(site() + "/");
            browser.enterWidget();
            signInOnTheHost(browser);
            browser.enterWidget();
            assertThat(signedInAs(browser)).isEqualTo("Signed in as " + HOST_READER_NAME);
            String text = "Before leaving " + unique("c");
            browser.field("Your comment").sendKeys(text);
            browser.button("Post").click();
            String commentId = browser.comment(text).getAttribute("data-comment-id");
            String firstUsername = (String) ((Map<?, ?>) api.send(c -> c.comment(commentId)).expectStatus(200).json().get("author")).get("username");
            assertThat(firstUsername).startsWith(HOST_READER);

            browser.button("Your account").click();
            WebElement panel = browser.waitFor(d -> d.findElement(By.cssSelector(".account-panel")));
            assertThat(panel.getText()).contains("Your name comes from your account on this site; change it there.");
            assertThat(panel.findElements(By.cssSelector("input[type=password], input[autocomplete=nickname]"))).isEmpty();
            assertThat(browser.buttons("Change password")).isEmpty();

            browser.script("const make = URL.createObjectURL; URL.createObjectURL = (blob) => { window.savedFile = blob; return make(blob); };");
            browser.button("Download my data").click();
            WebElement file = browser.waitFor(d -> {
                WebElement link = d.findElement(By.cssSelector("a.export-file"));
                return link.isDisplayed() ? link : null;
            });
            assertThat(file.getAttribute("download")).isEqualTo("forum-account-data.json");
            String saved = (String) browser.driver.executeAsyncScript(
                    "window.savedFile.text().then(arguments[arguments.length - 1])");
            assertThat(saved).contains(firstUsername).contains(text).contains(HOST_READER_NAME);

            browser.button("Delete my account\u2026").click();
            assertThat(browser.driver.findElement(By.cssSelector(".danger-zone .warning")).getText())
                    .isEqualTo("Delete your account for good? This cannot be undone.");
            assertThat(browser.driver.findElements(By.cssSelector(".danger-zone input[type=password]"))).isEmpty();
            assertThat((String) ((Map<?, ?>) api.send(c -> c.comment(commentId)).expectStatus(200).json().get("author")).get("username"))
                    .as("nothing happens before the confirmation").isEqualTo(firstUsername);
            browser.button("Delete my account for good").click();
            browser.waitFor(d -> d.findElement(By.cssSelector(".session .notice")).getText().equals("Your account is deleted.") ? true : null);

            // still signed in on the host: the next page load signs the reader in as a new account, their name free
            // again (the deleted account keeps only its username); the old comment, with no reply to keep in place,
            // is gone with its text
            browser.reloadAndEnterWidget();
            assertThat(signedInAs(browser)).isEqualTo("Signed in as " + HOST_READER_NAME);
            assertThat(browser.driver.findElements(By.id("comment-" + commentId)))
                    .allMatch(li -> li.getAttribute("class").contains("deleted") && !li.getText().contains(text));
            String after = "After leaving " + unique("c");
            browser.field("Your comment").sendKeys(after);
            browser.button("Post").click();
            String newId = browser.comment(after).getAttribute("data-comment-id");
            String newUsername = (String) ((Map<?, ?>) api.send(c -> c.comment(newId)).expectStatus(200).json().get("author")).get("username");
            assertThat(newUsername).startsWith(HOST_READER).isNotEqualTo(firstUsername);
            assertThat(browser.driver.findElement(By.cssSelector(".comments, body")).getText()).doesNotContain(text);
        }
    }

    private static void assertSignedOutWithTheHostsSignInOnlyOrAHint(Browser browser) {
        WebElement hint = browser.waitFor(d -> d.findElement(By.cssSelector(".session .hint")));
        assertThat(hint.getText()).isEqualTo("Sign in on this site to join the discussion.");
        assertThat(browser.buttons("Log in")).isEmpty();
        assertThat(browser.buttons("Register")).isEmpty();
    }
}
