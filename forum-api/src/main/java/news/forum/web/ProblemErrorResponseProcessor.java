package news.forum.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;

import java.util.List;

/**
 * Turns the errors Micronaut itself reports (unknown route, bad JSON, wrong content type, failed validation,
 * missing or refused authentication, oversized body, headers or URL) into RFC 9457 problems. Framework messages can name
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
        if (status == HttpStatus.REQUEST_ENTITY_TOO_LARGE) {
            // Micronaut answers every request Netty could not decode for its size with 413; say which part was too large
            status = tooLargePart(context);
            response.status(status);
        }
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

    /** 431 for headers over micronaut.server.netty.max-header-size, 414 for a request line over max-initial-line-length. */
    private static HttpStatus tooLargePart(ErrorContext context) {
        Throwable cause = context.getRequest() instanceof NettyHttpRequest<?> netty
                ? netty.getNativeRequest().decoderResult().cause() : null;
        if (cause instanceof TooLongHttpHeaderException) {
            return HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
        }
        if (cause instanceof TooLongHttpLineException) {
            return HttpStatus.REQUEST_URI_TOO_LONG;
        }
        return HttpStatus.REQUEST_ENTITY_TOO_LARGE;
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
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> Problems.typeUri("headers-too-large");
            case REQUEST_URI_TOO_LONG -> Problems.typeUri("url-too-long");
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
            case REQUEST_ENTITY_TOO_LARGE -> "The request body is over 64 KiB.";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request's headers are over 8 KiB in all.";
            case REQUEST_URI_TOO_LONG -> "The request line (method, URL and version) is over 4 KiB.";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the request body as application/json.";
            case NOT_ACCEPTABLE -> "This address answers only application/json.";
            case BAD_REQUEST -> "The request could not be read: check that the body is well-formed JSON of the expected shape.";
            default -> status.getCode() >= 500 ? "Something went wrong on our side." : status.getReason();
        };
    }
}
