package news.forum.moderation;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import news.forum.comment.CommentView;

/** A moderator's decisions on one comment (MODERATOR or ADMIN); each answers the comment as moderators see it. */
@Tag(name = "Moderation")
public interface ReviewOperations {

    String REMOVAL = "/api/v1/comments/{commentId}/removal";

    @Operation(summary = "Removes the comment with a reason every reader sees; its replies stay in place; idempotent.")
    @Put(REMOVAL)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    CommentView remove(@PathVariable String commentId, @Body @Valid RemovalRequest request);

    @Operation(summary = "Restores a removed comment exactly as it was; idempotent.")
    @Delete(REMOVAL)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    CommentView restore(@PathVariable String commentId);

    @Operation(summary = "Publishes a held comment, or keeps a flagged one and dismisses its flags; idempotent.")
    @Put("/api/v1/comments/{commentId}/approval")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    CommentView approve(@PathVariable String commentId);
}
