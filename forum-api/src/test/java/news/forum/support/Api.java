package news.forum.support;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A client of the running server, as a browser or a publisher's backend would be: plain HTTP and JSON,
 * no shortcut into the application.
 */
public final class Api {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password-2026";
    public static final String PASSWORD = "a long enough passphrase 42";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final URI base;
    private final JsonMapper json;
    private final HttpClient http;

    public Api(EmbeddedServer server, JsonMapper json) {
        this(URI.create("http://127.0.0.1:" + server.getPort()), json);
    }

    /** For a server running in another process. */
    public Api(URI base, JsonMapper json) {
        this(base, json, HTTP);
    }

    /** Through a client of the test's own making (one that trusts a test certificate authority, say). */
    public Api(URI base, JsonMapper json, HttpClient http) {
        this.base = base;
        this.json = json;
        this.http = http;
    }

    public URI base() {
        return base;
    }

    /** A signed-in account. */
    public record Session(String id, String username, String token, String refreshToken) {
    }

    public Response get(String path) {
        return send("GET", path, null, null, null);
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    public Response post(String path, String token, Object body) {
        return send("POST", path, token, "application/json", toJson(body));
    }

    public Response put(String path, String token, Object body) {
        return send("PUT", path, token, "application/json", toJson(body));
    }

    public Response patch(String path, String token, Object body) {
        return send("PATCH", path, token, "application/json", toJson(body));
    }

    public Response delete(String path, String token) {
        return send("DELETE", path, token, null, null);
    }

    /** Extra headers come as name, value pairs. */
    public Response send(String method, String path, String token, String contentType, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return exchange(request.build());
    }

    /** A body of raw bytes, for bytes no String can carry (broken UTF-8). */
    public Response sendBytes(String method, String path, String token, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return exchange(request.build());
    }

    private Response exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri().getPath(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String toJson(Object body) {
        try {
            return body instanceof String s ? s : json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- flows every test needs

    public static String uniqueName(String prefix) {
        return prefix + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
    }

    public Response register(String username, String password) {
        return post("/api/v1/accounts", null, Map.of("username", username, "password", password));
    }

    public Session login(String username, String password) {
        Response login = post("/api/v1/auth/login", null, Map.of("username", username, "password", password));
        login.expectStatus(200);
        return new Session(login.path("account.id"), login.path("account.username"), login.path("access_token"),
                login.path("refresh_token"));
    }

    /** A new USER account, signed in. */
    public Session newUser() {
        String name = uniqueName("u");
        register(name, PASSWORD).expectStatus(201);
        return login(name, PASSWORD);
    }

    public Session admin() {
        return login(ADMIN, ADMIN_PASSWORD);
    }

    /** A new account promoted to MODERATOR by the admin, signed in. */
    public Session newModerator() {
        Session user = newUser();
        put("/api/v1/accounts/" + user.username() + "/role", admin().token(), Map.of("role", "MODERATOR")).expectStatus(200);
        return user;
    }

    /** A new article and its thread; returns the thread id. */
    public String newThread() {
        String key = uniqueName("article-");
        Response article = put("/api/v1/articles/" + key, admin().token(),
                Map.of("title", "Article " + key, "url", "https://news.example/" + key));
        article.expectStatus(201);
        return article.path("thread.id");
    }

    public Response postComment(String threadId, String token, String body, String parentId) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("body", body);
        if (parentId != null) {
            request.put("parentId", parentId);
        }
        return post("/api/v1/threads/" + threadId + "/comments", token, request);
    }

    /** Every comment of a thread, read page by page in the given sort. */
    public List<Map<String, Object>> readAll(String threadId, String sort, int limit) {
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        String after = null;
        do {
            Response page = get("/api/v1/threads/" + threadId + "/comments?sort=" + sort + "&limit=" + limit
                    + (after == null ? "" : "&after=" + after));
            page.expectStatus(200);
            all.addAll(page.list("comments"));
            after = page.path("next");
        } while (after != null);
        return all;
    }
}
