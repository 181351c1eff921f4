package news.forum.web;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/** Builds problem responses; every error the API sends goes through here or the error response processor. */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.of(Problem.MEDIA_TYPE);

    private Problems() {
    }

    /** Problem types are relative URIs under /problems/, resolved against the API's own origin. */
    static String typeUri(String slug) {
        return slug == null ? "about:blank" : "/problems/" + slug;
    }

    public static MutableHttpResponse<Problem> response(HttpStatus status, Problem problem) {
        return io.micronaut.http.HttpResponse.<Problem>status(status).body(problem).contentType(PROBLEM_JSON);
    }

    /** The answer to a refusal, with its Retry-After header when it has one. */
    public static MutableHttpResponse<Problem> response(ProblemException refusal) {
        MutableHttpResponse<Problem> response = response(refusal.status(), refusal.toProblem());
        Long retryAfter = refusal.retryAfterSeconds();
        return retryAfter == null ? response : response.header("Retry-After", retryAfter.toString());
    }
}
