package news.forum.browser;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.core.type.Argument;
import news.forum.support.Response;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The forum's JSON API over HTTP, for arranging what a browser test then looks at. */
final class ForumApi {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "test-admin-password-2026";
    private static final AtomicInteger SERIAL = new AtomicInteger();

    private final BlockingHttpClient http;

    ForumApi(HttpClient client) {
        this.http = client.toBlocking();
    }

    /** A name no other test uses, within the username rules. */
    static String unique(String prefix) {
        return prefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SERIAL.incrementAndGet();
    }

    /** Errors come back with their body as text, scanned like every error the API tests receive. */
    private Map<?, ?> retrieve(HttpRequest<?> request) {
        try {
            return http.retrieve(request, Argument.of(Map.class), Argument.of(String.class));
        } catch (HttpClientResponseException e) {
            String body = e.getResponse().getBody(String.class).orElse("");
            Response.leak(body).ifPresent(leak -> {
                throw new AssertionError(request.getMethodName() + " " + request.getPath() + ": the " + e.getStatus().getCode()
                        + " response body shows internal detail (" + leak + "): " + body);
            });
            throw e;
        }
    }

    String token(String username, String password) {
        Map<?, ?> response = retrieve(HttpRequest.POST("/api/v1/auth/login",
                Map.of("username", username, "password", password)));
        return (String) response.get("access_token");
    }

    void register(String username, String password, String displayName) {
        retrieve(HttpRequest.POST("/api/v1/accounts",
                Map.of("username", username, "password", password, "displayName", displayName)));
    }

    /** Creates the article (as the admin) and returns its thread's id. */
    String article(String key, String url) {
        Map<?, ?> article = retrieve(auth(HttpRequest.PUT("/api/v1/articles/" + key,
                Map.of("title", "Article " + key, "url", url)), token(ADMIN, ADMIN_PASSWORD)));
        return (String) ((Map<?, ?>) article.get("thread")).get("id");
    }

    Map<?, ?> findArticle(String key) {
        return retrieve(HttpRequest.GET("/api/v1/articles/" + key));
    }

    String post(String token, String threadId, String body, String parentId) {
        Map<String, Object> request = new HashMap<>();
        request.put("body", body);
        if (parentId != null) {
            request.put("parentId", parentId);
        }
        Map<?, ?> created = retrieve(auth(HttpRequest.POST("/api/v1/threads/" + threadId + "/comments", request),
                token));
        return (String) created.get("id");
    }

    /** Locks the thread with a reason (a moderator's token). */
    void lock(String token, String threadId, String reason) {
        retrieve(auth(HttpRequest.PUT("/api/v1/threads/" + threadId + "/lock", Map.of("reason", reason)), token));
    }

    /** Sets a thread's pre-moderation and slow mode, as the admin. */
    void moderateThread(String threadId, String premoderation, int slowModeSeconds) {
        retrieve(auth(HttpRequest.PUT("/api/v1/threads/" + threadId + "/moderation",
                Map.of("premoderation", premoderation, "slowModeSeconds", slowModeSeconds)), token(ADMIN, ADMIN_PASSWORD)));
    }

    void flag(String token, String commentId, String reason, String detail) {
        retrieve(auth(HttpRequest.POST("/api/v1/comments/" + commentId + "/flags",
                Map.of("reason", reason, "detail", detail)), token));
    }

    /** The comment as the given reader sees it (null: signed out). */
    Map<?, ?> comment(String commentId, String token) {
        MutableHttpRequest<?> request = HttpRequest.GET("/api/v1/comments/" + commentId);
        return retrieve(token == null ? request : auth(request, token));
    }

    private static <T> MutableHttpRequest<T> auth(MutableHttpRequest<T> request, String token) {
        return request.bearerAuth(token);
    }
}
