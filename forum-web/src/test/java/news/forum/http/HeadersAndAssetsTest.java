package news.forum.http;

import news.forum.browser.PublisherSite;
import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.Pages;
import news.forum.support.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the server sends around the widget: framing rules, CORS, and the size and texts of the widget's files. */
class HeadersAndAssetsTest extends ApiTestBase {

    private static final String SEED = "us-boots-on-ground-never";

    private final PublisherSite publisher = PublisherSite.shared();

    @Override
    protected Map<String, String> serverProperties() {
        return Map.of("forum.embed.allowed-origins", publisher.allowedOrigin());
    }

    @Test
    void onlyTheEmbedPageMayBeFramedAndOnlyByTheAllowedOrigins() throws Exception {
        String embed = api.get(Pages.embedPage(SEED)).header("Content-Security-Policy");
        assertThat(embed).contains("frame-ancestors 'self' " + publisher.allowedOrigin())
                .contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        for (String path : new String[]{Pages.seedArticle(), Pages.demoArticle("try-the-embed"), Pages.embedScript(),
                Pages.asset("frame.js"), Api.route(c -> c.thread("1")).path(), "/api/v1/no-such-thing", "/health"}) {
            Response response = api.get(path);
            assertThat(response.header("Content-Security-Policy")).as(path).isNotNull()
                    .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(response.header("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(response.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
        }
    }

    @Test
    void pagesCarryNoInlineScript() throws Exception {
        for (String path : new String[]{Pages.seedArticle(), Pages.demoArticle("try-the-embed"), Pages.embedPage(SEED),
                Pages.console()}) {
            String html = api.get(path).body();
            Matcher scripts = Pattern.compile("<script([^>]*)>").matcher(html);
            while (scripts.find()) {
                assertThat(scripts.group(1)).as(path).contains("src=");
            }
            assertThat(html).as(path).doesNotContainPattern("\\son[a-z]+=");
        }
    }

    @Test
    void theModeratorConsoleIsFramedByNobodyAndRunsOnlyItsOwnScript() {
        Response console = api.get(Pages.console());
        assertThat(console.status()).isEqualTo(200);
        assertThat(console.header("Content-Type")).startsWith("text/html");
        String policy = console.header("Content-Security-Policy");
        assertThat(policy).isNotNull();
        assertThat(policy).contains("frame-ancestors 'none'", "script-src 'self';", "style-src 'self';", "connect-src 'self';",
                "form-action 'none'", "base-uri 'none'").doesNotContain("unsafe-inline", "unsafe-eval", "*");
        assertThat(console.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(console.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(console.body()).contains("<script src=\"" + Pages.asset("console.js") + "\" defer></script>")
                .doesNotContain("<style", "style=\"", "{{");
        for (String asset : new String[]{Pages.asset("console.js"), Pages.asset("console.css"),
                Pages.asset("frame-moderator.js")}) {
            Response response = api.get(asset);
            assertThat(response.status()).as(asset).isEqualTo(200);
            assertThat(response.header("Content-Security-Policy")).as(asset).isNotNull()
                    .contains("frame-ancestors 'none'");
        }
    }

    @Test
    void corsAnswersOnlyTheAllowedOriginsAndNeverWithCredentials() throws Exception {
        Response allowed = api.call(c -> c.article(SEED)).header("Origin", publisher.allowedOrigin()).send();
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(publisher.allowedOrigin());
        assertThat(allowed.header("Access-Control-Allow-Credentials")).isNull();

        Response other = api.call(c -> c.article(SEED)).header("Origin", "https://evil.example").send();
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();

        Response preflight = api.call(c -> c.login(null)).method("OPTIONS").noBody()
                .header("Origin", publisher.allowedOrigin()).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").send();
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(publisher.allowedOrigin());
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");

        Response refused = api.call(c -> c.login(null)).method("OPTIONS").noBody()
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST").send();
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void theWidgetIsSmall() throws Exception {
        int embedScript = gzipped(Pages.embedScript());
        int widget = embedScript + gzipped(Pages.asset("frame.js")) + gzipped(Pages.asset("frame.css"));
        assertThat(embedScript).as("embed.js, gzipped").isLessThan(10 * 1024);
        assertThat(widget).as("embed.js and the frame's script and styles, gzipped").isLessThan(16 * 1024);
        // loaded only for moderators, so no reader pays for it
        assertThat(gzipped(Pages.asset("frame-moderator.js"))).as("the moderator's tools, gzipped").isLessThan(4 * 1024);
    }

    @Test
    void everyTextTheConsoleShowsIsInTheMessageCatalogue() throws Exception {
        String catalogue = api.get(Pages.asset("messages.en.json")).body();
        Set<String> keys = new HashSet<>();
        Matcher placeholders = Pattern.compile("\\{\\{([a-zA-Z.]+)}}").matcher(resource("web/console/console.html"));
        while (placeholders.find()) {
            keys.add(placeholders.group(1));
        }
        Matcher calls = Pattern.compile("\\bsay\\('([a-zA-Z]+(\\.[a-zA-Z]+)+)'").matcher(resource("web/console/console.js"));
        while (calls.find()) {
            keys.add(calls.group(1));
        }
        assertThat(keys).hasSizeGreaterThan(80);
        for (String key : keys) {
            assertThat(catalogue).as(key).contains("\"" + key + "\":");
        }
    }

    @Test
    void everyTextTheWidgetShowsIsInTheMessageCatalogue() throws Exception {
        String script = resource("web/frame/frame.js") + resource("web/frame/frame-moderator.js");
        String catalogue = api.get(Pages.asset("messages.en.json")).body();
        Set<String> keys = new HashSet<>();
        Matcher calls = Pattern.compile("\\bt\\('([a-zA-Z]+\\.[a-zA-Z]+)'").matcher(script);
        while (calls.find()) {
            keys.add(calls.group(1));
        }
        for (String sort : new String[]{"oldest", "newest", "top"}) {
            keys.add("sort." + sort);
        }
        for (String field : new String[]{"username", "password", "displayName", "passwordHint", "displayNameHint",
                "loginForm", "registerForm", "loginHeading", "registerHeading"}) {
            keys.add("auth." + field);
        }
        for (String reason : new String[]{"spam", "abuse", "off_topic", "other"}) {
            keys.add("flag.reason." + reason);
        }
        keys.addAll(Set.of("comment.confirmDelete", "comment.deleteQuestion", "moderation.confirmRemove",
                "moderation.removeQuestion", "moderation.restored", "moderation.approved", "moderation.removed"));
        assertThat(keys).hasSizeGreaterThan(40);
        for (String key : keys) {
            assertThat(catalogue).as(key).contains("\"" + key + "\":");
        }
    }

    private int gzipped(String path) throws Exception {
        Response response = api.get(path);
        assertThat(response.status()).as(path).isEqualTo(200);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(response.body().getBytes(StandardCharsets.UTF_8));
        }
        return out.size();
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = HeadersAndAssetsTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
