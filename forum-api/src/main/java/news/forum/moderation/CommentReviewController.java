package news.forum.moderation;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import news.forum.comment.CommentView;

/** A moderator's decisions on one comment (MODERATOR or ADMIN); each answers the comment as moderators see it. */
@Controller("/api/v1/comments/{commentId}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Moderation")
class CommentReviewController {

    private final CommentReviews reviews;

    CommentReviewController(CommentReviews reviews) {
        this.reviews = reviews;
    }

    /** Removes the comment with a reason every reader sees; its replies stay in place; idempotent. */
    @Put("/removal")
    CommentView remove(@PathVariable String commentId, @Body @Valid RemovalRequest request, Authentication authentication) {
        return reviews.remove(authentication, commentId, request.reason());
    }

    /** Restores a removed comment exactly as it was; idempotent. */
    @Delete("/removal")
    CommentView restore(@PathVariable String commentId, Authentication authentication) {
        return reviews.restore(authentication, commentId);
    }

    /** Publishes a held comment, or keeps a flagged one and dismisses its flags; idempotent. */
    @Put("/approval")
    CommentView approve(@PathVariable String commentId, Authentication authentication) {
        return reviews.approve(authentication, commentId);
    }
}
