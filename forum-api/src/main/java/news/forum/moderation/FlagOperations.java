package news.forum.moderation;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import static news.forum.web.ApiProblems.BAD_REQUEST;
import static news.forum.web.ApiProblems.CONFLICT;
import static news.forum.web.ApiProblems.CONTENT_TOO_LARGE;
import static news.forum.web.ApiProblems.FORBIDDEN;
import static news.forum.web.ApiProblems.NOT_FOUND;
import static news.forum.web.ApiProblems.TOO_MANY_REQUESTS;
import static news.forum.web.ApiProblems.UNAUTHORIZED;
import static news.forum.web.ApiProblems.UNSUPPORTED_MEDIA_TYPE;

/** Readers' flags on a comment. */
@Tag(name = "Moderation")
public interface FlagOperations {

    @Operation(operationId = "flagComment", summary = "Flags a comment for the moderators.", description = """
            Flags a comment for the moderators (any signed-in reader but its author; one flag each, 409 for a second). \
            Enough open flags that count hide it from readers until a moderator reviews it: flags of accounts older \
            than FORUM_FLAG_MIN_ACCOUNT_AGE with a published comment, once per network address, never against staff.""",
            responses = {
            @ApiResponse(responseCode = "201", description = "The flag, recorded",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = FlagView.class))),
            @ApiResponse(responseCode = "400", ref = BAD_REQUEST),
            @ApiResponse(responseCode = "401", ref = UNAUTHORIZED),
            @ApiResponse(responseCode = "403", ref = FORBIDDEN),
            @ApiResponse(responseCode = "404", ref = NOT_FOUND),
            @ApiResponse(responseCode = "409", ref = CONFLICT),
            @ApiResponse(responseCode = "413", ref = CONTENT_TOO_LARGE),
            @ApiResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE),
            @ApiResponse(responseCode = "429", ref = TOO_MANY_REQUESTS)})
    @Post("/api/v1/comments/{commentId}/flags")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<FlagView> flag(@PathVariable String commentId, @Body @Valid FlagRequest request);
}
