package news.forum.comment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import news.forum.throttle.WriteBudgets;
import news.forum.web.PageSize;
import news.forum.web.PublicIds;

import static news.forum.web.PublicIds.Kind.THREAD;


@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Comments")
class CommentController {

    private final PublicIds ids;
    private final CommentService comments;
    private final WriteBudgets budgets;

    CommentController(CommentService comments, WriteBudgets budgets, PublicIds ids) {
        this.ids = ids;
        this.comments = comments;
        this.budgets = budgets;
    }

    /** A page of the thread in tree order: each parent before its replies, top-level comments in the chosen sort. */
    @Get("/threads/{threadId}/comments")
    @Secured(SecurityRule.IS_ANONYMOUS)
    CommentPage page(@PathVariable String threadId,
                     @Nullable @QueryValue String sort,
                     @Nullable @QueryValue String limit,
                     @Nullable @QueryValue String after,
                     @Nullable Authentication authentication) {
        return comments.page(authentication, ids.parse(THREAD, threadId), sort, PageSize.parse(limit, CommentService.DEFAULT_PAGE_SIZE, CommentService.MAX_PAGE_SIZE), after);
    }

    /**
     * Posts a top-level comment or, with parentId, a reply. 201 means it is committed and shown; 202 that it is
     * committed and waits for a moderator's review (status "pending"), seen until then only by its author; 429 with
     * Retry-After when the account or its address has posted too much lately.
     */
    @Post("/threads/{threadId}/comments")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<CommentView> post(@PathVariable String threadId, @Body @Valid PostCommentRequest request,
                                   @Nullable @Header("Idempotency-Key") String idempotencyKey,
                                   Authentication authentication, HttpRequest<?> http) {
        budgets.spendPost(authentication, http);
        return PostedComment.response(
                comments.post(authentication, ids.parse(THREAD, threadId), request, idempotencyKey));
    }

    @Get("/comments/{commentId}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    CommentView comment(@PathVariable String commentId, @Nullable Authentication authentication) {
        return comments.find(authentication, commentId);
    }

    /**
     * Replaces the body (its author only, while the thread is open), under the rules a new comment passes: 200 when
     * readers see the new text, 202 when it waits for a moderator's review (status "pending"; readers keep the text
     * they saw); 422 or 429 as for a new comment, the old text kept. An edit spends the posting budget.
     */
    @Patch("/comments/{commentId}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<CommentView> edit(@PathVariable String commentId, @Body @Valid EditCommentRequest request,
                                   Authentication authentication, HttpRequest<?> http) {
        budgets.spendPost(authentication, http);
        CommentView edited = comments.edit(authentication, commentId, request);
        return HttpResponse.status(edited.pending() ? HttpStatus.ACCEPTED : HttpStatus.OK).body(edited);
    }

    /** Its author deletes it; a moderator's DELETE of another's comment removes it (restorable, audited). */
    @Delete("/comments/{commentId}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<Void> delete(@PathVariable String commentId, Authentication authentication) {
        comments.delete(authentication, commentId);
        return HttpResponse.noContent();
    }

    /** Sets the caller's vote: 1, -1, or 0 to withdraw it. */
    @Put("/comments/{commentId}/vote")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    VoteResult vote(@PathVariable String commentId, @Body @Valid VoteRequest request, Authentication authentication) {
        return comments.vote(authentication, commentId, request.value().intValueExact());
    }
}
