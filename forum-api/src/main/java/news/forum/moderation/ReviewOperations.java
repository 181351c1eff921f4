package news.forum.moderation;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import news.forum.comment.CommentView;

import static news.forum.web.ApiProblems.BAD_REQUEST;
import static news.forum.web.ApiProblems.CONFLICT;
import static news.forum.web.ApiProblems.CONTENT_TOO_LARGE;
import static news.forum.web.ApiProblems.FORBIDDEN;
import static news.forum.web.ApiProblems.NOT_FOUND;
import static news.forum.web.ApiProblems.UNAUTHORIZED;
import static news.forum.web.ApiProblems.UNSUPPORTED_MEDIA_TYPE;

/** A moderator's decisions on one comment (MODERATOR or ADMIN); each answers the comment as moderators see it. */
@Tag(name = "Moderation")
public interface ReviewOperations {

    String REMOVAL = "/api/v1/comments/{commentId}/removal";

    @Operation(operationId = "removeComment",
            summary = "Removes the comment with a reason every reader sees; its replies stay in place; idempotent.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The comment, removed"),
                    @ApiResponse(responseCode = "400", ref = BAD_REQUEST),
                    @ApiResponse(responseCode = "401", ref = UNAUTHORIZED),
                    @ApiResponse(responseCode = "403", ref = FORBIDDEN),
                    @ApiResponse(responseCode = "404", ref = NOT_FOUND),
                    @ApiResponse(responseCode = "413", ref = CONTENT_TOO_LARGE),
                    @ApiResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE)})
    @Put(REMOVAL)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    CommentView remove(@PathVariable String commentId, @Body @Valid RemovalRequest request);

    @Operation(operationId = "restoreComment", summary = "Restores a removed comment exactly as it was; idempotent.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The comment, restored"),
                    @ApiResponse(responseCode = "401", ref = UNAUTHORIZED),
                    @ApiResponse(responseCode = "403", ref = FORBIDDEN),
                    @ApiResponse(responseCode = "404", ref = NOT_FOUND)})
    @Delete(REMOVAL)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    CommentView restore(@PathVariable String commentId);

    @Operation(operationId = "approveComment",
            summary = "Publishes a held comment, or keeps a flagged one and dismisses its flags; idempotent.",
            description = """
                    Publishes a held comment, or keeps a flagged one and dismisses its flags; idempotent. 409 for a \
                    removed comment: restore it first.""",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The comment, published"),
                    @ApiResponse(responseCode = "401", ref = UNAUTHORIZED),
                    @ApiResponse(responseCode = "403", ref = FORBIDDEN),
                    @ApiResponse(responseCode = "404", ref = NOT_FOUND),
                    @ApiResponse(responseCode = "409", ref = CONFLICT)})
    @Put("/api/v1/comments/{commentId}/approval")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    CommentView approve(@PathVariable String commentId);
}
