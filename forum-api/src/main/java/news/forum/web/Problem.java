package news.forum.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.openapi.annotation.OpenAPIExtraSchema;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * An error as RFC 9457 describes it, sent as {@code application/problem+json}. In the OpenAPI document it is the
 * schema of every problem response (src/main/openapi/components/problems.yml), which is why it is named there
 * without an operation returning it.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@OpenAPIExtraSchema
@Schema(description = "An RFC 9457 problem: what went wrong, for people (title, detail) and programs (type, status).")
public record Problem(@Schema(description = "A URI reference naming the kind of problem, e.g. /problems/thread-locked",
                              requiredMode = Schema.RequiredMode.REQUIRED)
                      String type,
                      @Schema(description = "A short summary of the kind of problem", requiredMode = Schema.RequiredMode.REQUIRED)
                      String title,
                      @Schema(description = "The HTTP status code", requiredMode = Schema.RequiredMode.REQUIRED)
                      int status,
                      @Schema(description = "What happened this time, for the reader")
                      @Nullable String detail,
                      @Schema(description = "Each rejected field of the request, for a 400 that names them")
                      @Nullable List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One rejected field of a request. */
    @Serdeable
    public record FieldError(String field, String message) {
    }
}
