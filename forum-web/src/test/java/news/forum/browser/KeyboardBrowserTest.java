package news.forum.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** No mouse: Tab from the top of the publisher's page into the widget, log in, reach "Reply", type, post. */
class KeyboardBrowserTest extends BrowserTest {

    @Test
    void aKeyboardUserLogsInReachesReplyTypesAndPosts() {
        String key = ForumApi.unique("keyboard-");
        ForumApi api = api();
        String thread = api.article(key, demoPage(key));
        api.post(api.token(OTHER_READER, OTHER_READER_PASSWORD), thread, "A comment worth answering", null);

        try (Browser browser = new Browser()) {
            browser.open(demoPage(key));
            browser.enterWidget();

            tabTo(browser, element -> "Log in".equals(element.getText()));
            press(browser, Keys.ENTER);
            assertThat(active(browser).getAttribute("name")).isEqualTo("username");
            type(browser, READER);
            press(browser, Keys.TAB);
            assertThat(active(browser).getAttribute("name")).isEqualTo("password");
            type(browser, READER_PASSWORD);
            press(browser, Keys.ENTER);
            browser.waitFor(d -> d.findElement(By.cssSelector(".session .signed-in")));

            tabTo(browser, element -> "Reply".equals(element.getText()));
            press(browser, Keys.ENTER);
            assertThat(active(browser).getTagName()).isEqualTo("textarea");
            type(browser, "Answered with the keyboard alone");
            tabTo(browser, element -> "Post".equals(element.getText()));
            press(browser, Keys.ENTER);

            WebElement parent = browser.comment("A comment worth answering");
            browser.waitFor(d -> parent.findElements(By.cssSelector(":scope > ol.replies > li")).stream()
                    .anyMatch(li -> li.getText().contains("Answered with the keyboard alone")) ? true : null);
            // focus lands on the new comment, so the reader can carry on from there
            assertThat(active(browser).getText()).contains("Answered with the keyboard alone");
        }
    }

    private static void tabTo(Browser browser, Predicate<WebElement> wanted) {
        for (int i = 0; i < 60; i++) {
            press(browser, Keys.TAB);
            WebElement element = active(browser);
            if (wanted.test(element)) {
                assertThat((Boolean) browser.script(
                        "var s = getComputedStyle(arguments[0]); return s.outlineStyle !== 'none' && s.outlineWidth !== '0px'",
                        element)).as("a visible focus indicator").isTrue();
                return;
            }
        }
        throw new AssertionError("Tab never reached the wanted control");
    }

    private static WebElement active(Browser browser) {
        return browser.driver.switchTo().activeElement();
    }

    private static void press(Browser browser, Keys key) {
        new Actions(browser.driver).sendKeys(key).perform();
    }

    private static void type(Browser browser, String text) {
        new Actions(browser.driver).sendKeys(text).perform();
    }
}
