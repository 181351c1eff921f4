package news.forum.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;


import static org.assertj.core.api.Assertions.assertThat;

/** No mouse: Tab from the top of the publisher's page into the widget, log in, reach "Reply", type, post. */
class KeyboardBrowserTest extends BrowserTest {

    @Test
    void aKeyboardUserLogsInReachesReplyTypesAndPosts() {
        String key = unique("keyboard-");
        String thread = article(key, demoPage(key));
        post(token(OTHER_READER, demoPassword(OTHER_READER)), thread, "A comment worth answering", null);

        try (Browser browser = new Browser()) {
            browser.open(demoPage(key));
            browser.enterWidget();

            browser.tabTo(element -> "Log in".equals(element.getText()));
            browser.press(Keys.ENTER);
            // the form is drawn once the messages and session have settled: give focus the time to arrive
            browser.waitFor(d -> "username".equals(browser.active().getAttribute("name")) ? true : null);
            assertThat(browser.active().getAttribute("name")).isEqualTo("username");
            browser.type(READER);
            browser.press(Keys.TAB);
            assertThat(browser.active().getAttribute("name")).isEqualTo("password");
            browser.type(demoPassword(READER));
            browser.press(Keys.ENTER);
            browser.waitFor(d -> d.findElement(By.cssSelector(".session .signed-in")));

            browser.tabTo(element -> "Reply".equals(element.getText()));
            browser.press(Keys.ENTER);
            assertThat(browser.active().getTagName()).isEqualTo("textarea");
            browser.type("Answered with the keyboard alone");
            browser.tabTo(element -> "Post".equals(element.getText()));
            browser.press(Keys.ENTER);

            WebElement parent = browser.comment("A comment worth answering");
            browser.waitFor(d -> parent.findElements(By.cssSelector(":scope > ol.replies > li")).stream()
                    .anyMatch(li -> li.getText().contains("Answered with the keyboard alone")) ? true : null);
            // focus lands on the new comment, so the reader can carry on from there
            assertThat(browser.active().getText()).contains("Answered with the keyboard alone");
        }
    }
}
