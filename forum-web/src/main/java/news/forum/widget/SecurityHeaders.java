package news.forum.widget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import news.forum.embed.EmbedSettings;

/**
 * Headers on every response. A response without a policy of its own may be framed nowhere; the widget's page
 * sets its own. CORS answers only the allowed publisher origins, never with credentials: the API takes bearer
 * tokens, not cookies.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class SecurityHeaders implements Ordered {

    private static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE";
    private static final String ALLOWED_HEADERS = "Authorization, Content-Type, Accept";

    private final EmbedSettings settings;

    SecurityHeaders(EmbedSettings settings) {
        this.settings = settings;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    /** Answers a CORS preflight from an allowed origin; any other preflight gets no CORS headers and fails. */
    @RequestFilter
    @Nullable
    HttpResponse<?> preflight(HttpRequest<?> request) {
        String origin = request.getHeaders().getOrigin().orElse(null);
        if (request.getMethod() != HttpMethod.OPTIONS || origin == null
                || !request.getHeaders().contains(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD)) {
            return null;
        }
        if (!corsAllowed(request, origin)) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        return HttpResponse.noContent()
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS)
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS)
                .header(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600")
                .header(HttpHeaders.VARY, HttpHeaders.ORIGIN);
    }

    @ResponseFilter
    void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!response.getHeaders().contains("Content-Security-Policy")) {
            response.header("Content-Security-Policy", ContentSecurityPolicy.DEFAULT);
        }
        if (!request.getPath().startsWith("/embed/")) {
            // for browsers that predate frame-ancestors
            response.header("X-Frame-Options", "DENY");
        }
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", "strict-origin-when-cross-origin");
        String origin = request.getHeaders().getOrigin().orElse(null);
        if (origin != null && corsAllowed(request, origin)
                && !response.getHeaders().contains(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)) {
            response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            response.header(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "Location");
        }
        if (request.getPath().startsWith("/api/")) {
            response.header(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        }
    }

    private boolean corsAllowed(HttpRequest<?> request, String origin) {
        return request.getPath().startsWith("/api/") && settings.allowedOrigins().contains(origin);
    }
}
