package news.forum.http;

import news.forum.support.ApiTestBase;
import news.forum.support.Pages;
import news.forum.support.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page answers what browsers and other clients ask for: {@code Accept: text/html}, a browser's own Accept
 * line, anything, or no Accept at all get the page (issue 11: text/html alone got 406), and the API next to them
 * keeps answering JSON to a browser's Accept line.
 */
class PagesAcceptHtmlTest extends ApiTestBase {

    private static final String SEED = "us-boots-on-ground-never";

    private static final List<String> ACCEPTS = List.of(
            "text/html",
            "text/html;charset=utf-8",
            // Chromium's and Firefox's for a page they navigate to
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,"
                    + "application/signed-exchange;v=b3;q=0.7",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "*/*");

    @Test
    void everyPageAnswersTextHtmlToWhatBrowsersAccept() {
        List<String> pages = List.of(Pages.seedArticle(), Pages.demoArticle("try-the-embed"),
                Pages.demoArticle("accept-html-page"), Pages.console(), Pages.embedPage(SEED));
        for (String page : pages) {
            for (String accept : ACCEPTS) {
                assertPage(page, accept, api.send("GET", page, null, null, null, "Accept", accept));
            }
            assertPage(page, "no Accept", api.get(page));
        }
    }

    @Test
    void theApiKeepsAnsweringJsonToABrowsersAccept() {
        Response article = api.call(c -> c.article(SEED)).header("Accept", ACCEPTS.get(2)).send();
        assertThat(article.status()).as(article.body()).isEqualTo(200);
        assertThat(article.contentType()).startsWith("application/json");
        assertThat(article.body()).contains("\"key\":\"" + SEED + "\"");
    }

    private static void assertPage(String page, String accept, Response response) {
        String what = page + " with " + accept;
        assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(200);
        assertThat(response.contentType()).as(what).startsWith("text/html");
        assertThat(response.body()).as(what).startsWithIgnoringCase("<!DOCTYPE html>").contains("<title>");
    }
}
