package news.forum.browser;

import jakarta.inject.Inject;
import news.forum.demo.DemoPublisherSite;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.HashMap;
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
    private static final String HOST_PASSWORD = "publisher-demo-amina";

    @Inject
    DemoPublisherSite demoPublisher;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("forum.accounts.local", "false");
        return properties;
    }

    private String site() {
        return demoPublisher.origin().orElseThrow(() -> new AssertionError("the demo publisher does not listen"));
    }

    private static void signInOnTheHost(Browser browser) {
        browser.driver.switchTo().defaultContent();
        browser.driver.findElement(By.id("publisher-username")).sendKeys(HOST_READER);
        browser.driver.findElement(By.id("publisher-password")).sendKeys(HOST_PASSWORD);
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
            String text = "Signed in by the Herald " + ForumApi.unique("c");
            browser.field("Your comment").sendKeys(text);
            browser.button("Post").click();
            WebElement mine = browser.comment(text);
            assertThat(mine.findElement(By.cssSelector(".author")).getText()).isEqualTo(HOST_READER_NAME);

            // what the server holds: an account of the publisher's reader, made by the token, with no password
            String id = mine.getAttribute("data-comment-id");
            Map<?, ?> comment = api().comment(id, null);
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
    private static void assertSignedOutWithTheHostsSignInOnlyOrAHint(Browser browser) {
        WebElement hint = browser.waitFor(d -> d.findElement(By.cssSelector(".session .hint")));
        assertThat(hint.getText()).isEqualTo("Sign in on this site to join the discussion.");
        assertThat(browser.buttons("Log in")).isEmpty();
        assertThat(browser.buttons("Register")).isEmpty();
    }
}
