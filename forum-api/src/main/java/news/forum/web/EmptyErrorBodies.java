package news.forum.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * An error some filter answered with a bare status (Micronaut's CORS filter refusing a foreign origin on a loopback
 * server is one) still reaches the client as a problem, like every other error.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class EmptyErrorBodies implements Ordered {

    /** Before every other filter, so its response phase sees what any of them answered. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @ResponseFilter
    void problemBody(HttpRequest<?> request, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        if (status.getCode() < 400 || request.getMethod() == HttpMethod.HEAD || hasBody(response)) {
            return;
        }
        response.body(ProblemErrorResponseProcessor.problemFor(status)).contentType(Problems.PROBLEM_JSON);
    }

    private static boolean hasBody(MutableHttpResponse<?> response) {
        return response.getBody().filter(body -> !(body instanceof CharSequence text && text.isEmpty())
                && !(body instanceof byte[] bytes && bytes.length == 0)).isPresent();
    }
}
