package news.forum.browser;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import news.forum.startup.DemoMode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Outside demo mode, {@code /} says what the server is and where its docs are, and no demo page exists. */
@MicronautTest
@Property(name = DemoMode.PROPERTY, value = "false")
@Property(name = "forum.embed.public-origin", value = "https://comments.news.example")
class HomePageTest {

    @Inject
    EmbeddedServer server;

    private Http http() {
        return new Http("http://127.0.0.1:" + server.getPort());
    }

    @Test
    void theHomePageSaysWhatTheServerIsAndLinksToTheDocs() {
        HttpResponse<String> home = http().get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        assertThat(home.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
        // the publisher's snippet names FORUM_PUBLIC_ORIGIN, never the request's Host
        String origin = "https://comments.news.example";
        assertThat(home.body()).contains("<title>Forum</title>", "Threaded discussions for news sites",
                        "href=\"/openapi.yml\"", "href=\"/moderation\"", "href=\"/health\"", "href=\"/api/v1/version\"",
                        "&lt;script src=&quot;" + origin + "/embed.js&quot; async&gt;", "/usr/share/doc/forum",
                        "No demo runs here", "Forum " + System.getProperty("forum.build.version") + ", under the Apache License 2.0")
                .doesNotContain("This is a demo", "us-boots-on-ground-never", "<script");
        assertThat(http().get("/assets/demo/demo.css").statusCode()).isEqualTo(200);
    }

    @Test
    void noDemoPageExists() {
        for (String path : new String[]{"/demo/try-the-embed", "/demo/anything-i-like-123", "/demo/us-boots-on-ground-never"}) {
            HttpResponse<String> page = http().get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).doesNotContain("This is a demo");
        }
    }
}
