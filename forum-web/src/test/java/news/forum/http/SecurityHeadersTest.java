package news.forum.http;

import io.micronaut.jdbc.DataSourceResolver;
import news.forum.browser.PublisherSite;
import news.forum.startup.DemoPasswords;
import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.Pages;
import news.forum.support.Response;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security headers on every kind of response the server sends (JSON, problems of each status, health, the
 * OpenAPI document, static files, pages, preflights), and CORS that answers the configured origin exactly.
 */
class SecurityHeadersTest extends ApiTestBase {

    private static final String SEED = "us-boots-on-ground-never";
    private static final String ARTICLE = Api.route(c -> c.article(SEED)).path();

    private final PublisherSite publisher = PublisherSite.shared();

    @Override
    protected Map<String, String> serverProperties() {
        return Map.of("forum.embed.allowed-origins", publisher.allowedOrigin(),
                // a small pool that a test can exhaust, to see the headers on a 503
                "datasources.default.maximum-pool-size", "2",
                "datasources.default.connection-timeout", "1000");
    }

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() {
        String token = login();
        String thread = threadId();
        String login = Api.route(c -> c.login(null)).path();
        Map<String, Response> responses = new LinkedHashMap<>();
        responses.put("API JSON 200", get(ARTICLE));
        responses.put("comments page 200", api.send(c -> c.page(thread, null, "2", null)));
        responses.put("404 unknown API route", get("/api/v1/no-such-thing"));
        responses.put("404 unknown id", api.send(c -> c.comment("987654321")));
        responses.put("404 outside the API", get("/no/such/page"));
        responses.put("404 static", get("/static/no-such-file.txt"));
        responses.put("401 no token", api.send(c -> c.me()));
        responses.put("401 bad token", api.send("not.a.token", c -> c.me()));
        responses.put("403 role", api.call(c -> c.changeRole("tariq", null)).token(token).body("{\"role\":\"ADMIN\"}").send());
        responses.put("400 forged cursor", api.send(c -> c.page(thread, null, null, "forged!")));
        responses.put("400 malformed JSON", post(thread, token, "application/json", "{"));
        responses.put("413 too large", post(thread, token, "application/json",
                "{\"body\":\"" + "x".repeat(70_000) + "\"}"));
        responses.put("415 media type", post(thread, token, "text/plain", "hello"));
        responses.put("405 method", api.send("DELETE", "/health", null, null, null));
        responses.put("health", get("/health"));
        responses.put("OpenAPI", api.send(c -> c.openApi()));
        responses.put("static file", get("/static/bench.txt"));
        responses.put("embed.js", get(Pages.embedScript()));
        responses.put("frame.js", get(Pages.asset("frame/frame.js")));
        responses.put("frame.css", get(Pages.asset("frame/frame.css")));
        responses.put("messages", get(Pages.asset("messages/en.json")));
        responses.put("demo page", get(Pages.seedArticle()));
        responses.put("embed page", get(Pages.embedPage(SEED)));
        responses.put("moderator console", get(Pages.console()));
        responses.put("console script", get(Pages.asset("console/console.js")));
        responses.put("preflight allowed", preflight(login, publisher.allowedOrigin()));
        responses.put("preflight refused", preflight(login, "https://evil.example"));
        responses.put("OPTIONS without preflight", api.send("OPTIONS", ARTICLE, null, null, null));
        responses.put("HEAD", api.send("HEAD", ARTICLE, null, null, null));
        responses.put("431 headers too large", get(ARTICLE, "X-Padding", "p".repeat(20_000)));
        responses.put("414 URL too long", get(ARTICLE + "?pad=" + "p".repeat(5_000)));
        responses.put("GET from a refused origin", get(ARTICLE, "Origin", "https://evil.example"));
        responses.put("503 pool exhausted", withEveryConnectionHeld(() -> get(ARTICLE)));

        assertThat(responses.get("413 too large").status()).isEqualTo(413);
        assertThat(responses.get("415 media type").status()).isEqualTo(415);
        assertThat(responses.get("431 headers too large").status()).isEqualTo(431);
        assertThat(responses.get("414 URL too long").status()).isEqualTo(414);
        assertThat(responses.get("503 pool exhausted").status()).isEqualTo(503);
        assertThat(responses.get("403 role").status()).isEqualTo(403);
        List<String> missing = new ArrayList<>();
        responses.forEach((what, response) -> {
            String csp = orEmpty(response.header("Content-Security-Policy"));
            String expectedAncestors = what.equals("embed page")
                    ? "frame-ancestors 'self' " + publisher.allowedOrigin() : "frame-ancestors 'none'";
            if (!csp.contains(expectedAncestors) || csp.contains("unsafe-inline") || csp.contains("unsafe-eval")) {
                missing.add(what + " (" + response.status() + "): Content-Security-Policy " + csp);
            }
            if (!what.equals("embed page") && !orEmpty(response.header("X-Frame-Options")).equals("DENY")) {
                missing.add(what + " (" + response.status() + "): X-Frame-Options");
            }
            if (!orEmpty(response.header("X-Content-Type-Options")).equals("nosniff")) {
                missing.add(what + " (" + response.status() + "): X-Content-Type-Options");
            }
            if (!orEmpty(response.header("Referrer-Policy")).equals("strict-origin-when-cross-origin")) {
                missing.add(what + " (" + response.status() + "): Referrer-Policy");
            }
            if (response.status() >= 400 && !response.method().equals("HEAD")
                    && response.uri().getPath().startsWith("/api/")
                    && !orEmpty(response.header("Content-Type")).startsWith("application/problem+json")) {
                missing.add(what + " (" + response.status() + "): not application/problem+json");
            }
        });
        assertThat(missing).isEmpty();
    }

    @Test
    void corsAnswersOnlyTheConfiguredOriginExactly() {
        String allowed = publisher.allowedOrigin();
        int port = publisher.port();
        List<String> impostors = List.of("null", "https://evil.example",
                allowed.replace("localhost", "localhost.evil.example"),   // suffix
                allowed.replace("localhost", "evillocalhost"),            // prefix
                allowed.replace("http://", "https://"),                   // scheme
                allowed + "/",                                            // trailing slash
                allowed + "0",                                            // longer port
                "http://localhost:" + (port + 1),                         // another port
                "http://localhost",                                       // no port
                allowed.toUpperCase(java.util.Locale.ROOT),               // not the serialised origin
                allowed + " " + allowed,                                  // a list
                allowed + ", https://evil.example",
                "*");
        List<String> problems = new ArrayList<>();
        for (String origin : impostors) {
            Response get = get(ARTICLE, "Origin", origin);
            Response preflight = preflight(ARTICLE, origin);
            for (Response response : List.of(get, preflight)) {
                String kind = response.method() + " from " + origin;
                if (response.header("Access-Control-Allow-Origin") != null) {
                    problems.add(kind + ": Access-Control-Allow-Origin " + response.header("Access-Control-Allow-Origin"));
                }
                checkVaryAndCredentials(kind, response, problems);
            }
            if (preflight.status() < 400) {
                problems.add("preflight from " + origin + " answered " + preflight.status());
            }
            // a server on loopback also refuses a foreign origin's simple requests (Micronaut's drive-by-localhost guard)
            assertThat(get.status()).as(origin).isIn(200, 403);
        }

        Response get = get(ARTICLE, "Origin", allowed);
        Response preflight = preflight(ARTICLE, allowed);
        Response problem = get("/api/v1/no-such-thing", "Origin", allowed);
        for (Response response : List.of(get, preflight, problem)) {
            String kind = response.method() + " " + response.uri().getPath() + " from the allowed origin";
            assertThat(response.header("Access-Control-Allow-Origin")).as(kind).isEqualTo(allowed);
            checkVaryAndCredentials(kind, response, problems);
        }
        assertThat(preflight.status()).isEqualTo(204);
        // without an Origin the answer is the same URL's, so a shared cache must still key on Origin
        Response noOrigin = get(ARTICLE);
        assertThat(noOrigin.header("Access-Control-Allow-Origin")).isNull();
        checkVaryAndCredentials("GET without Origin", noOrigin, problems);
        // outside the API nothing is shared across origins
        assertThat(get(Pages.embedScript(), "Origin", allowed).header("Access-Control-Allow-Origin")).isNull();
        assertThat(problems).isEmpty();
    }

    private static void checkVaryAndCredentials(String kind, Response response, List<String> problems) {
        if (response.headerValues("Vary").stream().noneMatch(v -> v.toLowerCase(Locale.ROOT).contains("origin"))) {
            problems.add(kind + ": no Vary: Origin");
        }
        if (response.header("Access-Control-Allow-Credentials") != null) {
            problems.add(kind + ": Access-Control-Allow-Credentials");
        }
        if (orEmpty(response.header("Access-Control-Allow-Origin")).equals("*")) {
            problems.add(kind + ": Access-Control-Allow-Origin *");
        }
    }

    private static String orEmpty(String header) {
        return header == null ? "" : header;
    }

    private Response get(String path, String... headers) {
        return api.send("GET", path, null, null, null, headers);
    }

    private Response preflight(String path, String origin) {
        return api.send("OPTIONS", path, null, null, null, "Origin", origin, "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization, content-type");
    }

    private Response post(String thread, String token, String contentType, String body) {
        return api.call(c -> c.post(thread, null, null)).token(token).body(body).contentType(contentType).send();
    }

    private String login() {
        return api.login("tariq", bean(DemoPasswords.class).of("tariq")).token();
    }

    private String threadId() {
        return api.anonymous().article(SEED).thread().id();
    }

    private <T> T withEveryConnectionHeld(java.util.function.Supplier<T> request) {
        DataSource pool = bean(DataSourceResolver.class).resolve(bean(DataSource.class));
        List<Connection> held = new ArrayList<>();
        try {
            // take every free connection of the server's pool: it has 2, the test's own transaction may hold one
            while (held.size() < 3) {
                held.add(pool.getConnection());
            }
            throw new IllegalStateException("the pool gave out more connections than it has");
        } catch (java.sql.SQLTransientConnectionException exhausted) {
            assertThat(held).isNotEmpty();
            return request.get();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            for (Connection connection : held) {
                try {
                    connection.close();
                } catch (java.sql.SQLException ignored) {
                    // returned to the pool or already gone
                }
            }
        }
    }
}
