package news.forum.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;

import java.util.List;

/**
 * Turns the errors Micronaut itself reports (unknown route, bad JSON, wrong content type, failed validation,
 * missing or refused authentication, oversized body) into RFC 9457 problems. Framework messages can name
 * internal classes, so only field validation messages are passed on; everything else gets a fixed detail.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        MutableHttpResponse<Problem> problemResponse = (MutableHttpResponse<Problem>) response;
        // errors Netty reports before any filter runs (headers too large) get the headers here
        BaseHeaders.apply(response, false);
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return problemResponse;
        }
        HttpStatus status = response.getStatus();
        boolean beanValidation = context.getRootCause().filter(ConstraintViolationException.class::isInstance).isPresent();
        // conversion errors carry paths too, but their messages name internal types: only validation is passed on
        List<Problem.FieldError> fieldErrors = !beanValidation ? List.of() : context.getErrors().stream()
                .filter(e -> e.getPath().isPresent())
                .map(e -> new Problem.FieldError(fieldName(e), e.getMessage()))
                .toList();
        Problem problem = fieldErrors.isEmpty()
                ? problemFor(status)
                : new Problem(Problems.typeUri("invalid-request"), "Invalid request", status.getCode(),
                "Some fields are invalid: " + String.join("; ", fieldErrors.stream()
                        .map(f -> f.field() + " " + f.message()).toList()), fieldErrors);
        return problemResponse.body(problem).contentType(Problems.PROBLEM_JSON);
    }

    /** The problem for a status with nothing more to say than what the status means. */
    static Problem problemFor(HttpStatus status) {
        return new Problem(typeFor(status), status.getReason(), status.getCode(), detailFor(status), null);
    }

    /** Validation paths look like {@code register.request.username}: the client knows only the last part. */
    private static String fieldName(Error error) {
        String path = error.getPath().orElse("");
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String typeFor(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> Problems.typeUri("unauthorized");
            case FORBIDDEN -> Problems.typeUri("forbidden");
            case NOT_FOUND -> Problems.typeUri("not-found");
            case REQUEST_ENTITY_TOO_LARGE -> Problems.typeUri("too-large");
            case UNSUPPORTED_MEDIA_TYPE -> Problems.typeUri("unsupported-media-type");
            case BAD_REQUEST -> Problems.typeUri("malformed-request");
            default -> "about:blank";
        };
    }

    private static String detailFor(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> "A valid access token is required (Authorization: Bearer ...).";
            case FORBIDDEN -> "Your account may not do this.";
            case NOT_FOUND -> "There is nothing at this address.";
            case METHOD_NOT_ALLOWED -> "This address does not accept that method.";
            case REQUEST_ENTITY_TOO_LARGE -> "The request is too large: a body over 64 KiB or headers over 8 KiB.";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the request body as application/json.";
            case NOT_ACCEPTABLE -> "This address answers only application/json.";
            case BAD_REQUEST -> "The request could not be read: check that the body is well-formed JSON of the expected shape.";
            default -> status.getCode() >= 500 ? "Something went wrong on our side." : status.getReason();
        };
    }
}
