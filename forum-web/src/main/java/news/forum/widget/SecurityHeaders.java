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
import news.forum.web.BaseHeaders;
import news.forum.web.ProblemException;
import news.forum.web.Problems;

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

    /**
     * Answers a CORS preflight: an allowed origin gets the methods and headers it may use, any other a 403 without
     * CORS headers, which the browser treats as a refusal. A response made here skips this filter's response phase,
     * so it gets its headers here.
     */
    @RequestFilter
    @Nullable
    HttpResponse<?> preflight(HttpRequest<?> request) {
        String origin = request.getHeaders().getOrigin().orElse(null);
        if (request.getMethod() != HttpMethod.OPTIONS || origin == null
                || !request.getHeaders().contains(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD)) {
            return null;
        }
        MutableHttpResponse<?> response;
        if (corsAllowed(request, origin)) {
            response = HttpResponse.noContent()
                    .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                    .header(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS)
                    .header(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS)
                    .header(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600");
        } else {
            response = Problems.response(HttpStatus.FORBIDDEN,
                    ProblemException.forbidden("This origin may not call the API from a browser.").toProblem());
        }
        BaseHeaders.apply(response, false);
        return response.header(HttpHeaders.VARY, HttpHeaders.ORIGIN);
    }

    @ResponseFilter
    void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        BaseHeaders.apply(response, request.getPath().startsWith("/embed/"));
        String origin = request.getHeaders().getOrigin().orElse(null);
        if (origin != null && corsAllowed(request, origin)
                && !response.getHeaders().contains(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)) {
            response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            response.header(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "Location");
        }
        if (request.getPath().startsWith("/api/") && !varies(response)) {
            response.header(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        }
    }

    private static boolean varies(MutableHttpResponse<?> response) {
        return response.getHeaders().getAll(HttpHeaders.VARY).stream()
                .anyMatch(value -> value.toLowerCase(java.util.Locale.ROOT).contains("origin"));
    }

    private boolean corsAllowed(HttpRequest<?> request, String origin) {
        return request.getPath().startsWith("/api/") && settings.allowedOrigins().contains(origin);
    }
}
