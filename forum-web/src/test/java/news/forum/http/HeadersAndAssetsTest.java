package news.forum.http;

import news.forum.browser.PublisherSite;
import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.Pages;
import news.forum.support.Response;
import news.forum.widget.WebResources;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the server sends around the widget: framing rules, CORS, and the size and texts of the widget's files. */
class HeadersAndAssetsTest extends ApiTestBase {

    private static final String SEED = "us-boots-on-ground-never";
    private static final String FRAME = Pages.asset("frame/frame.js");
    private static final String CONSOLE = Pages.asset("console/console.js");
    private static final String CATALOGUE = Pages.asset("messages/en.json");

    private final PublisherSite publisher = PublisherSite.shared();

    @Override
    protected Map<String, String> serverProperties() {
        return Map.of("forum.embed.allowed-origins", publisher.allowedOrigin());
    }

    @Test
    void onlyTheEmbedPageMayBeFramedAndOnlyByTheAllowedOrigins() throws Exception {
        String embed = get(Pages.embedPage(SEED)).headerValue("Content-Security-Policy").orElseThrow();
        assertThat(embed).contains("frame-ancestors 'self' " + publisher.allowedOrigin())
                .contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        for (String path : new String[]{Pages.seedArticle(), Pages.demoArticle("try-the-embed"), Pages.embedScript(), FRAME, Api.route(c -> c.thread("1")).path(),
                "/api/v1/no-such-thing", "/health"}) {
            Response response = get(path);
            assertThat(response.headerValue("Content-Security-Policy")).as(path).get()
                    .asString().contains("frame-ancestors 'none'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(response.headerValue("X-Frame-Options")).as(path).contains("DENY");
            assertThat(response.headerValue("X-Content-Type-Options")).as(path).contains("nosniff");
        }
    }

    @Test
    void pagesCarryNoInlineScript() throws Exception {
        for (String path : new String[]{Pages.seedArticle(), Pages.demoArticle("try-the-embed"), Pages.embedPage(SEED), Pages.console()}) {
            String html = get(path).body();
            Matcher scripts = Pattern.compile("<script([^>]*)>").matcher(html);
            while (scripts.find()) {
                assertThat(scripts.group(1)).as(path).contains("src=");
            }
            assertThat(html).as(path).doesNotContainPattern("\\son[a-z]+=");
        }
    }

    @Test
    void theModeratorConsoleIsFramedByNobodyAndRunsOnlyItsOwnScript() {
        Response console = get(Pages.console());
        assertThat(console.status()).isEqualTo(200);
        assertThat(console.headerValue("Content-Type")).get().asString().startsWith("text/html");
        String policy = console.headerValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("frame-ancestors 'none'", "script-src 'self';", "style-src 'self';", "connect-src 'self';",
                "form-action 'none'", "base-uri 'none'").doesNotContain("unsafe-inline", "unsafe-eval", "*");
        assertThat(console.headerValue("X-Frame-Options")).contains("DENY");
        assertThat(console.headerValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(console.body()).contains("<script type=\"module\" src=\"" + CONSOLE + "\"></script>")
                .doesNotContain("<style", "style=\"", "{{");
        List<String> assets = new ArrayList<>(modules(CONSOLE, true));
        assets.addAll(List.of(Pages.asset("console/console.css"), Pages.asset("frame/moderator.js")));
        for (String asset : assets) {
            Response response = get(asset);
            assertThat(response.status()).as(asset).isEqualTo(200);
            assertThat(response.headerValue("Content-Security-Policy")).as(asset).get().asString()
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

    /**
     * The sizes a browser receives, each file gzipped on its own as it travels: what every reader downloads (the
     * modules the frame imports before it draws, and its styles), and what is imported only for some.
     */
    /**
     * The sizes a browser receives, each file gzipped on its own as it travels: what every reader downloads (the
     * modules the frame imports before it draws, and its styles), and what is imported only for some.
     */
    @Test
    void theWidgetIsSmall() throws Exception {
        int embedScript = gzipped(Pages.embedScript());
        int widget = embedScript + gzipped(Pages.asset("frame/frame.css"));
        for (String module : modules(FRAME, false)) {
            widget += gzipped(module);
        }
        assertThat(embedScript).as("embed.js, gzipped").isLessThan(10 * 1024);
        // the publisher's sign-in (embed/sso.js, sso.js) and the account bar and panel (session.js, account-panel.js)
        // are imported only where needed
        assertThat(widget).as("embed.js and the frame's scripts and styles, gzipped").isLessThan(16 * 1024);
        // imported only once a reader signs in, or a moderator, so a reader who only reads pays for neither
        assertThat(gzipped(Pages.asset("frame/sign-in.js")) + gzipped(Pages.asset("frame/composer.js")))
                .as("the sign-in forms and a signed-in reader's tools, gzipped").isLessThan(6 * 1024);
        assertThat(gzipped(Pages.asset("frame/moderator.js"))).as("the moderator's tools, gzipped").isLessThan(4 * 1024);
    }

    /**
     * The widget and the console are ES modules: each page names its entry as a module and preloads every module the
     * entry imports before it runs, so that the browser fetches them at once rather than level by level; each is a
     * script to the browser, cached for five minutes and revalidated by its ETag.
     */
    @Test
    void theModulesAreScriptsThatThePagesPreloadAndBrowsersRevalidate() {
        for (String[] page : new String[][]{{Pages.embedPage(SEED), FRAME}, {Pages.console(), CONSOLE}}) {
            String html = get(page[0]).body();
            assertThat(html).as(page[0]).contains("<script type=\"module\" src=\"" + page[1] + "\"></script>")
                    .contains("<meta name=\"forum-languages\" content=\"en\">");
            Set<String> preloaded = new HashSet<>();
            Matcher links = Pattern.compile("<link rel=\"modulepreload\" href=\"([^\"]+)\">").matcher(html);
            while (links.find()) {
                preloaded.add(links.group(1));
            }
            Set<String> imported = new HashSet<>(modules(page[1], false));
            imported.remove(page[1]);
            assertThat(preloaded).as(page[0] + ": the modules its entry imports").isEqualTo(imported);

            for (String module : modules(page[1], true)) {
                Response response = get(module);
                assertThat(response.status()).as(module).isEqualTo(200);
                assertThat(response.headerValue("Content-Type")).as(module).contains("text/javascript;charset=utf-8");
                assertThat(response.headerValue("Cache-Control")).as(module).contains("public, max-age=300");
                String etag = response.headerValue("ETag").orElseThrow();
                Response again = get(module, "If-None-Match", etag);
                assertThat(again.status()).as(module + " revalidated").isEqualTo(304);
                assertThat(again.body()).as(module + " revalidated").isEmpty();
                assertThat(get(module, "If-None-Match", "\"another-version\"").status()).isEqualTo(200);
            }
        }
        assertThat(get(Pages.asset("frame/frame.html")).status()).as("a page's template").isEqualTo(404);
        assertThat(get(Pages.asset("frame/no-such-module.js")).status()).isEqualTo(404);
        assertThat(get(Pages.asset("messages/en.json")).headerValue("Content-Type"))
                .contains("application/json;charset=utf-8");
    }

    /** One concern a file: no script or style of the widget, the console or the pages is over 400 lines. */
    @Test
    void noScriptOrStyleIsOver400Lines() {
        List<String> sources = WebResources.paths().stream().filter(path -> path.endsWith(".js") || path.endsWith(".css")).toList();
        assertThat(sources).contains("embed.js", "frame/frame.js", "console/console.js", "lib/api.js");
        for (String path : sources) {
            assertThat(WebResources.text(path).lines().count()).as(path).isLessThanOrEqualTo(400);
        }
    }

    @Test
    void everyTextTheConsoleShowsIsInTheMessageCatalogue() throws Exception {
        String catalogue = get(CATALOGUE).body();
        Set<String> keys = new HashSet<>();
        Matcher placeholders = Pattern.compile("\\{\\{([a-zA-Z]+(?:\\.[a-zA-Z]+)+)}}").matcher(resource("web/console/console.html"));
        while (placeholders.find()) {
            keys.add(placeholders.group(1));
        }
        Matcher calls = Pattern.compile("\\bt\\('([a-zA-Z]+(\\.[a-zA-Z]+)+)'").matcher(sources(CONSOLE));
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
        String script = sources(FRAME);
        String catalogue = get(CATALOGUE).body();
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

    /**
     * The modules a page's entry imports, itself included, followed over HTTP as the browser does: the static imports
     * (what runs before the page draws), and with {@code dynamic} also what {@code import()} brings when needed.
     */
    private List<String> modules(String entry, boolean dynamic) {
        Pattern imports = Pattern.compile(dynamic ? "^import\\s[^;]*?'([^']+)';|\\bimport\\('([^']+)'\\)" : "^import\\s[^;]*?'([^']+)';",
                Pattern.MULTILINE);
        List<String> found = new ArrayList<>(List.of(entry));
        for (int i = 0; i < found.size(); i++) {
            Response module = get(found.get(i));
            assertThat(module.status()).as(found.get(i)).isEqualTo(200);
            Matcher specifiers = imports.matcher(module.body());
            while (specifiers.find()) {
                String specifier = specifiers.group(1) != null ? specifiers.group(1) : specifiers.group(2);
                String path = URI.create(found.get(i)).resolve(specifier).getPath();
                if (!found.contains(path)) {
                    found.add(path);
                }
            }
        }
        return found;
    }

    private String sources(String entry) {
        return modules(entry, true).stream().map(module -> get(module).body()).collect(Collectors.joining("\n"));
    }

    private Response get(String path, String... headers) {
        return api.send("GET", path, null, null, null, headers);
    }

    private int gzipped(String path) throws Exception {
        Response response = get(path);
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
