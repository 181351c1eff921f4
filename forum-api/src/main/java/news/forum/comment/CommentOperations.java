package news.forum.comment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** The comments of a thread: its pages in tree order, posting, editing, deleting and voting. */
@Tag(name = "Comments")
public interface CommentOperations {

    String THREAD_COMMENTS = "/api/v1/threads/{threadId}/comments";
    String COMMENT = "/api/v1/comments/{commentId}";

    @Operation(summary = "A page of the thread in tree order.", description = """
            A page of the thread in tree order: each parent before its replies, top-level comments in the chosen \
            sort.""")
    @Get(THREAD_COMMENTS)
    @Secured(SecurityRule.IS_ANONYMOUS)
    CommentPage page(@PathVariable String threadId, @Nullable @QueryValue String sort,
                     @Nullable @QueryValue String limit, @Nullable @QueryValue String after);

    @Operation(summary = "Posts a top-level comment or, with parentId, a reply.", description = """
            Posts a top-level comment or, with parentId, a reply. 201 means it is committed and shown; 202 that it is \
            committed and waits for a moderator's review (status "pending"), seen until then only by its author; 429 \
            with Retry-After when the account or its address has posted too much lately.""")
    @Post(THREAD_COMMENTS)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<CommentView> post(@PathVariable String threadId, @Body @Valid PostCommentRequest request,
                                   @Nullable @Header("Idempotency-Key") String idempotencyKey);

    @Operation(summary = "The comment as the caller may see it.")
    @Get(COMMENT)
    @Secured(SecurityRule.IS_ANONYMOUS)
    CommentView comment(@PathVariable String commentId);

    @Operation(summary = "Replaces the body (its author only, while the thread is open).", description = """
            Replaces the body (its author only, while the thread is open), under the rules a new comment passes: 200             when readers see the new text, 202 when it waits for a moderator's review (status "pending"; readers keep             the text they saw); 422 or 429 as for a new comment, the old text kept. An edit spends the posting             budget.""")
    @Patch(COMMENT)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<CommentView> edit(@PathVariable String commentId, @Body @Valid EditCommentRequest request);

    @Operation(summary = """
            Its author deletes it; a moderator's DELETE of another's comment removes it (restorable, audited).""")
    @Delete(COMMENT)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<Void> delete(@PathVariable String commentId);

    @Operation(summary = "Sets the caller's vote: 1, -1, or 0 to withdraw it.")
    @Put(COMMENT + "/vote")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    VoteResult vote(@PathVariable String commentId, @Body @Valid VoteRequest request);

    @Operation(summary = "A comment's Markdown, for its author to edit.")
    @Get(COMMENT + "/source")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    CommentSource source(@PathVariable String commentId);
}
