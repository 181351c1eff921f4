package news.forum.browser;

import news.forum.support.Api;
import news.forum.support.Pages;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DemoPageBrowserTest extends BrowserTest {

    @Test
    void seedThreadShowsTheRebuttalInsideTheAbbottabadCommentAndTheLockNotice() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open(forum() + Pages.seedArticle());
            assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("US boots on ground, never!");
            assertThat(browser.driver.findElements(By.cssSelector("article.story p"))).hasSize(12);
            // the publisher's two lines, as served
            // asked for at localhost, as a browser on this machine would: the script still comes from the forum's
            // public origin, never from the Host the request named
            Api localhost = new Api(URI.create("http://localhost:" + server.getPort()), jsonMapper);
            assertThat(localhost.get(Pages.seedArticle()).expectStatus(200).body())
                    .contains("<div data-forum-article=\"us-boots-on-ground-never\" data-forum-title=\"US boots on ground, never!\" "
                            + "data-forum-url=\"https://news.example/2012/07/us-boots-on-ground-never\"></div>")
                    .contains("\n<script src=\"" + forum() + Pages.embedScript() + "\" async></script>\n");

            browser.enterWidget();
            assertThat(browser.driver.findElement(By.id("forum-lock-notice")).getText()).isEqualTo("Comments are closed.");
            WebElement abbottabad = browser.comment("Did kiayani forget Abbottabad?");
            WebElement rebuttal = abbottabad.findElement(By.cssSelector(":scope > ol.replies > li.comment"));
            assertThat(rebuttal.getText()).contains("Ask Zaradri and ex-ambassador Haqani");
            assertThat(browser.driver.findElement(By.id("forum-count")).getText()).isEqualTo("6 comments");
            assertThat(browser.driver.findElements(By.cssSelector("li.comment"))).hasSize(6);
            assertThat(browser.comment("Dr Khan it is no to both").findElement(By.cssSelector(".author")).getText())
                    .isNotBlank();
            assertThat(browser.driver.findElements(By.tagName("textarea"))).isEmpty();
            assertThat(browser.buttons("Reply")).isEmpty();
            WebElement time = browser.driver.findElement(By.cssSelector(".comment-meta time"));
            assertThat(time.getAttribute("title")).matches(".*\\d{4}.*");
            assertThat(time.getText()).matches("(just now|.* ago)");

            // the iframe is as tall as its content: no inner scrollbar
            long contentHeight = (Long) browser.script("return Math.ceil(document.body.getBoundingClientRect().height)");
            browser.driver.switchTo().defaultContent();
            long frameHeight = browser.waitFor(d -> {
                long height = (Long) browser.script("return document.querySelector('[data-forum-article] iframe').clientHeight");
                return height >= contentHeight ? height : null;
            });
            assertThat(frameHeight).isBetween(contentHeight, contentHeight + 2);
            assertThat(browser.driver.findElement(By.cssSelector("[data-forum-article] iframe")).getAttribute("title"))
                    .isEqualTo("Discussion");

            Path shot = browser.screenshot("demo-page");
            assertThat(Files.size(shot)).isGreaterThan(10_000);
        }
    }

    @Test
    void secondDemoArticleIsOpenForRepliesOnceAReaderLogsIn() {
        try (Browser browser = new Browser()) {
            browser.open(demoPage("try-the-embed"));
            browser.enterWidget();
            assertThat(browser.driver.findElements(By.id("forum-lock-notice"))).isEmpty();
            assertThat(browser.driver.findElement(By.cssSelector(".hint")).getText())
                    .isEqualTo("Log in or register to join the discussion.");
            browser.logIn(READER, demoPassword(READER));
            assertThat(browser.field("Your comment").isDisplayed()).isTrue();
            assertThat(browser.button("Post").isDisplayed()).isTrue();
        }
    }
}
