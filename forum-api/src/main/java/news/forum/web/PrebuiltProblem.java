package news.forum.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A refusal written once, for a route that may have to refuse most of a flood: each answer is the same bytes and
 * headers, with no exception thrown, no exception handler looked up and nothing serialised per request.
 */
public final class PrebuiltProblem {

    private final HttpStatus status;
    private final byte[] body;
    private final Long retryAfterSeconds;

    public PrebuiltProblem(ProblemException refusal, JsonMapper json) {
        this.status = refusal.status();
        this.retryAfterSeconds = refusal.retryAfterSeconds();
        try {
            this.body = json.writeValueAsBytes(refusal.toProblem());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public MutableHttpResponse<byte[]> response() {
        MutableHttpResponse<byte[]> response = HttpResponse.<byte[]>status(status).contentType(Problems.PROBLEM_JSON).body(body);
        return retryAfterSeconds == null ? response : response.header("Retry-After", retryAfterSeconds.toString());
    }
}
