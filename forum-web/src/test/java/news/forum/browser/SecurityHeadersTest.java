package news.forum.browser;

import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security headers on every kind of response the server sends (JSON, problems of each status, health, the
 * OpenAPI document, static files, pages, preflights), and CORS that answers the configured origin exactly.
 */
class SecurityHeadersTest extends BrowserTest {

    private static final String ARTICLE = "/api/v1/articles/us-boots-on-ground-never";

    @Inject
    DataSource dataSource;
    @Inject
    DataSourceResolver dataSourceResolver;

    private Http http;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        // a small pool that a test can exhaust, to see the headers on a 503
        properties.put("datasources.default.maximum-pool-size", "2");
        properties.put("datasources.default.connection-timeout", "1000");
        return properties;
    }

    @BeforeEach
    void connect() {
        http = new Http(forum());
    }

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() {
        String token = login();
        String thread = threadId();
        Map<String, HttpResponse<String>> responses = new LinkedHashMap<>();
        responses.put("API JSON 200", http.get(ARTICLE));
        responses.put("comments page 200", http.get("/api/v1/threads/" + thread + "/comments?limit=2"));
        responses.put("404 unknown API route", http.get("/api/v1/no-such-thing"));
        responses.put("404 unknown id", http.get("/api/v1/comments/987654321"));
        responses.put("404 outside the API", http.get("/no/such/page"));
        responses.put("404 static", http.get("/static/no-such-file.txt"));
        responses.put("401 no token", http.get("/api/v1/me"));
        responses.put("401 bad token", http.get("/api/v1/me", "Authorization", "Bearer not.a.token"));
        responses.put("403 role", http.send(http.request("/api/v1/accounts/tariq/role")
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"role\":\"ADMIN\"}")).build()));
        responses.put("400 forged cursor", http.get("/api/v1/threads/" + thread + "/comments?after=forged!"));
        responses.put("400 malformed JSON", post("/api/v1/threads/" + thread + "/comments", token, "application/json", "{"));
        responses.put("413 too large", post("/api/v1/threads/" + thread + "/comments", token, "application/json",
                "{\"body\":\"" + "x".repeat(70_000) + "\"}"));
        responses.put("415 media type", post("/api/v1/threads/" + thread + "/comments", token, "text/plain", "hello"));
        responses.put("405 method", http.send(http.request("/health").method("DELETE", HttpRequest.BodyPublishers.noBody()).build()));
        responses.put("health", http.get("/health"));
        responses.put("OpenAPI", http.get("/openapi.yml"));
        responses.put("static file", http.get("/static/bench.txt"));
        responses.put("embed.js", http.get("/embed.js"));
        responses.put("frame.js", http.get("/assets/frame/frame.js"));
        responses.put("frame.css", http.get("/assets/frame/frame.css"));
        responses.put("messages", http.get("/assets/messages/en.json"));
        responses.put("demo page", http.get("/"));
        responses.put("embed page", http.get("/embed/us-boots-on-ground-never"));
        responses.put("moderator console", http.get("/moderation"));
        responses.put("console script", http.get("/assets/console/console.js"));
        responses.put("preflight allowed", preflight("/api/v1/auth/login", publisher.allowedOrigin()));
        responses.put("preflight refused", preflight("/api/v1/auth/login", "https://evil.example"));
        responses.put("OPTIONS without preflight", http.send(http.request(ARTICLE)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build()));
        responses.put("HEAD", http.send(http.request(ARTICLE).method("HEAD", HttpRequest.BodyPublishers.noBody()).build()));
        responses.put("431 headers too large", http.get(ARTICLE, "X-Padding", "p".repeat(20_000)));
        responses.put("414 URL too long", http.get(ARTICLE + "?pad=" + "p".repeat(5_000)));
        responses.put("GET from a refused origin", http.get(ARTICLE, "Origin", "https://evil.example"));
        responses.put("503 pool exhausted", withEveryConnectionHeld(() -> http.get(ARTICLE)));

        assertThat(responses.get("413 too large").statusCode()).isEqualTo(413);
        assertThat(responses.get("415 media type").statusCode()).isEqualTo(415);
        assertThat(responses.get("431 headers too large").statusCode()).isEqualTo(431);
        assertThat(responses.get("414 URL too long").statusCode()).isEqualTo(414);
        assertThat(responses.get("503 pool exhausted").statusCode()).isEqualTo(503);
        assertThat(responses.get("403 role").statusCode()).isEqualTo(403);
        List<String> missing = new ArrayList<>();
        responses.forEach((what, response) -> {
            String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
            String expectedAncestors = what.equals("embed page")
                    ? "frame-ancestors 'self' " + publisher.allowedOrigin() : "frame-ancestors 'none'";
            if (!csp.contains(expectedAncestors) || csp.contains("unsafe-inline") || csp.contains("unsafe-eval")) {
                missing.add(what + " (" + response.statusCode() + "): Content-Security-Policy " + csp);
            }
            if (!what.equals("embed page") && !response.headers().firstValue("X-Frame-Options").orElse("").equals("DENY")) {
                missing.add(what + " (" + response.statusCode() + "): X-Frame-Options");
            }
            if (!response.headers().firstValue("X-Content-Type-Options").orElse("").equals("nosniff")) {
                missing.add(what + " (" + response.statusCode() + "): X-Content-Type-Options");
            }
            if (!response.headers().firstValue("Referrer-Policy").orElse("").equals("strict-origin-when-cross-origin")) {
                missing.add(what + " (" + response.statusCode() + "): Referrer-Policy");
            }
            if (response.statusCode() >= 400 && !response.request().method().equals("HEAD")
                    && response.uri().getPath().startsWith("/api/")
                    && !response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                missing.add(what + " (" + response.statusCode() + "): not application/problem+json");
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
            HttpResponse<String> get = http.get(ARTICLE, "Origin", origin);
            HttpResponse<String> preflight = preflight(ARTICLE, origin);
            for (HttpResponse<String> response : List.of(get, preflight)) {
                String kind = response.request().method() + " from " + origin;
                if (response.headers().firstValue("Access-Control-Allow-Origin").isPresent()) {
                    problems.add(kind + ": Access-Control-Allow-Origin "
                            + response.headers().firstValue("Access-Control-Allow-Origin").get());
                }
                checkVaryAndCredentials(kind, response, problems);
            }
            if (preflight.statusCode() < 400) {
                problems.add("preflight from " + origin + " answered " + preflight.statusCode());
            }
            // a server on loopback also refuses a foreign origin's simple requests (Micronaut's drive-by-localhost guard)
            assertThat(get.statusCode()).as(origin).isIn(200, 403);
        }

        HttpResponse<String> get = http.get(ARTICLE, "Origin", allowed);
        HttpResponse<String> preflight = preflight(ARTICLE, allowed);
        HttpResponse<String> problem = http.get("/api/v1/no-such-thing", "Origin", allowed);
        for (HttpResponse<String> response : List.of(get, preflight, problem)) {
            String kind = response.request().method() + " " + response.uri().getPath() + " from the allowed origin";
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).as(kind).contains(allowed);
            checkVaryAndCredentials(kind, response, problems);
        }
        assertThat(preflight.statusCode()).isEqualTo(204);
        // without an Origin the answer is the same URL's, so a shared cache must still key on Origin
        HttpResponse<String> noOrigin = http.get(ARTICLE);
        assertThat(noOrigin.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        checkVaryAndCredentials("GET without Origin", noOrigin, problems);
        // outside the API nothing is shared across origins
        assertThat(http.get("/embed.js", "Origin", allowed).headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(problems).isEmpty();
    }

    private static void checkVaryAndCredentials(String kind, HttpResponse<String> response, List<String> problems) {
        if (response.headers().allValues("Vary").stream().noneMatch(v -> v.toLowerCase(java.util.Locale.ROOT).contains("origin"))) {
            problems.add(kind + ": no Vary: Origin");
        }
        if (response.headers().firstValue("Access-Control-Allow-Credentials").isPresent()) {
            problems.add(kind + ": Access-Control-Allow-Credentials");
        }
        if (response.headers().firstValue("Access-Control-Allow-Origin").orElse("").equals("*")) {
            problems.add(kind + ": Access-Control-Allow-Origin *");
        }
    }

    private HttpResponse<String> preflight(String path, String origin) {
        return http.send(http.request(path).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type").build());
    }

    private HttpResponse<String> post(String path, String token, String contentType, String body) {
        return http.send(http.request(path).header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private String login() {
        return new ForumApi(client).token(READER, demoPassword(READER));
    }

    private String threadId() {
        return (String) ((Map<?, ?>) new ForumApi(client).findArticle("us-boots-on-ground-never").get("thread")).get("id");
    }

    private <T> T withEveryConnectionHeld(java.util.function.Supplier<T> request) {
        DataSource pool = dataSourceResolver.resolve(dataSource);
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
