package news.forum.web;

import io.micronaut.http.HttpStatus;

/**
 * A request the forum refuses for a reason the client can act on. Its message is shown to the client, so it
 * must never carry internal detail.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final java.util.List<Problem.FieldError> fieldErrors;
    private java.time.Duration retryAfter;

    public ProblemException(HttpStatus status, String type, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.fieldErrors = null;
    }

    private ProblemException(String field, String message) {
        super(field + " " + message, null, false, false);
        this.status = HttpStatus.BAD_REQUEST;
        this.type = "invalid-request";
        this.title = "Invalid request";
        this.fieldErrors = java.util.List.of(new Problem.FieldError(field, message));
    }

    /** A 400 naming the one field that is wrong, in the same shape as a failed bean validation. */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(field, message);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " does not exist.");
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail);
    }

    public static ProblemException unprocessable(String type, String title, String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, type, title, detail);
    }

    public static ProblemException conflict(String type, String title, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, type, title, detail);
    }

    public static ProblemException badRequest(String type, String title, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, type, title, detail);
    }

    /** A 429 whose Retry-After header says when the client may try again (whole seconds, at least one). */
    public static ProblemException tooManyRequests(String type, String title, String detail, java.time.Duration retryAfter) {
        ProblemException tooMany = new ProblemException(HttpStatus.TOO_MANY_REQUESTS, type, title, detail);
        tooMany.retryAfter = retryAfter;
        return tooMany;
    }

    /** A 503 whose Retry-After header says when the client may try again: the server is short of something now. */
    public static ProblemException unavailable(String type, String title, String detail, java.time.Duration retryAfter) {
        ProblemException unavailable = new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, type, title, detail);
        unavailable.retryAfter = retryAfter;
        return unavailable;
    }

    /** Seconds for a Retry-After header, or null. */
    public Long retryAfterSeconds() {
        return retryAfter == null ? null : Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    public HttpStatus status() {
        return status;
    }

    public Problem toProblem() {
        return new Problem(Problems.typeUri(type), title, status.getCode(), getMessage(), fieldErrors);
    }
}
