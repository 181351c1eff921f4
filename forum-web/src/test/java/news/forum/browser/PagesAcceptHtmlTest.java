package news.forum.browser;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page answers what browsers and other clients ask for: {@code Accept: text/html}, a browser's own Accept
 * line, anything, or no Accept at all get the page (issue 11: text/html alone got 406), and the API next to them
 * keeps answering JSON to a browser's Accept line.
 */
class PagesAcceptHtmlTest extends BrowserTest {

    private static final List<String> ACCEPTS = List.of(
            "text/html",
            "text/html;charset=utf-8",
            // Chromium's and Firefox's for a page they navigate to
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,"
                    + "application/signed-exchange;v=b3;q=0.7",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "*/*");

    private Http http;

    @BeforeEach
    void connect() {
        http = new Http(forum());
    }

    @Test
    void everyPageAnswersTextHtmlToWhatBrowsersAccept() {
        List<String> pages = List.of("/", "/demo/try-the-embed", "/demo/" + "accept-html-page", "/moderation",
                "/embed/us-boots-on-ground-never");
        for (String page : pages) {
            for (String accept : ACCEPTS) {
                assertPage(page, accept, http.get(page, "Accept", accept));
            }
            assertPage(page, "no Accept", http.get(page));
        }
    }

    @Test
    void theApiKeepsAnsweringJsonToABrowsersAccept() {
        HttpResponse<String> article = http.get("/api/v1/articles/us-boots-on-ground-never", "Accept", ACCEPTS.get(2));
        assertThat(article.statusCode()).as(article.body()).isEqualTo(200);
        assertThat(article.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(article.body()).contains("\"key\":\"us-boots-on-ground-never\"");
    }

    private static void assertPage(String page, String accept, HttpResponse<String> response) {
        String what = page + " with " + accept;
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("text/html");
        assertThat(response.body()).as(what).startsWithIgnoringCase("<!DOCTYPE html>").contains("<title>");
    }
}
