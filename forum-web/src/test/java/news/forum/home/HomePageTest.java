package news.forum.home;

import io.micronaut.context.annotation.Property;
import news.forum.startup.DemoMode;
import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.Pages;
import news.forum.support.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Outside demo mode, {@code /} says what the server is and where its docs are, and no demo page exists. */
@Property(name = DemoMode.PROPERTY, value = "false")
@Property(name = "forum.embed.public-origin", value = "https://comments.news.example")
class HomePageTest extends ApiTestBase {

    @Test
    void theHomePageSaysWhatTheServerIsAndLinksToTheDocs() {
        Response home = api.get(Pages.home());
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.contentType()).startsWith("text/html");
        assertThat(home.header("Content-Security-Policy"))
                .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
        // the publisher's snippet names FORUM_PUBLIC_ORIGIN, never the request's Host
        String origin = "https://comments.news.example";
        assertThat(home.body()).contains("<title>Forum</title>", "Threaded discussions for news sites",
                        "href=\"" + Api.route(c -> c.openApi()).path() + "\"", "href=\"" + Pages.console() + "\"",
                        "href=\"/health\"", "href=\"" + Api.route(c -> c.version()).path() + "\"",
                        "&lt;script src=&quot;" + origin + Pages.embedScript() + "&quot; async&gt;", "/usr/share/doc/forum",
                        "No demo runs here", "Forum " + System.getProperty("forum.build.version") + ", under the Apache License 2.0")
                .doesNotContain("This is a demo", "us-boots-on-ground-never", "<script");
        assertThat(api.get(Pages.asset("demo/demo.css")).status()).isEqualTo(200);
    }

    @Test
    void noDemoPageExists() {
        for (String path : new String[]{Pages.demoArticle("try-the-embed"), Pages.demoArticle("anything-i-like-123"),
                Pages.demoArticle("us-boots-on-ground-never")}) {
            Response page = api.get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).doesNotContain("This is a demo");
        }
    }
}
