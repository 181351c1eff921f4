package news.forum.comment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
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
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import static news.forum.web.ApiProblems.BAD_REQUEST;
import static news.forum.web.ApiProblems.CONFLICT;
import static news.forum.web.ApiProblems.CONTENT_TOO_LARGE;
import static news.forum.web.ApiProblems.FORBIDDEN;
import static news.forum.web.ApiProblems.LOCKED;
import static news.forum.web.ApiProblems.NOT_FOUND;
import static news.forum.web.ApiProblems.TOO_MANY_REQUESTS;
import static news.forum.web.ApiProblems.UNAUTHORIZED;
import static news.forum.web.ApiProblems.UNPROCESSABLE_CONTENT;
import static news.forum.web.ApiProblems.UNSUPPORTED_MEDIA_TYPE;

/** The comments of a thread: its pages in tree order, posting, editing, deleting and voting. */
@Tag(name = "Comments")
public interface CommentOperations {

    String THREAD_COMMENTS = "/api/v1/threads/{threadId}/comments";
    String COMMENT = "/api/v1/comments/{commentId}";

    @Operation(operationId = "listComments", summary = "A page of the thread in tree order.", description = """
            A page of the thread in tree order: each parent before its replies, top-level comments in the chosen \
            sort. With a token the caller also sees their own held comments (moderators see every one).""",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The thread and a page of its comments"),
                    @ApiResponse(responseCode = "400", ref = BAD_REQUEST),
                    @ApiResponse(responseCode = "404", ref = NOT_FOUND)})
    @Get(THREAD_COMMENTS)
    @Secured(SecurityRule.IS_ANONYMOUS)
    CommentPage page(@PathVariable String threadId,
                     @Parameter(description = "The order of top-level comments; replies follow their parent, oldest first",
                             schema = @Schema(type = "string", allowableValues = {"oldest", "newest", "top"},
                                     defaultValue = "oldest"))
                     @Nullable @QueryValue String sort,
                     @Parameter(description = "How many comments the page holds at most",
                             schema = @Schema(type = "integer", format = "int32", minimum = "1",
                                     maximum = "" + CommentService.MAX_PAGE_SIZE,
                                     defaultValue = "" + CommentService.DEFAULT_PAGE_SIZE))
                     @Nullable @QueryValue String limit,
                     @Parameter(description = "The previous page's `next`: the page continues right after it")
                     @Nullable @QueryValue String after);

    @Operation(operationId = "postComment", summary = "Posts a top-level comment or, with parentId, a reply.",
            description = """
                    Posts a top-level comment or, with parentId, a reply. 201 means it is committed and shown; 202 \
                    that it is committed and waits for a moderator's review (status "pending"), seen until then only \
                    by its author; 429 with Retry-After when the account or its address has posted too much lately \
                    (or the thread is in slow mode). 422 when the parent cannot take a reply or a word rule refuses \
                    the text; 423 when the thread is locked. A retry with the same Idempotency-Key returns the first \
                    answer's comment instead of posting twice.""",
            responses = {
                    @ApiResponse(responseCode = "201", description = "Committed and shown",
                            headers = @io.swagger.v3.oas.annotations.headers.Header(name = "Location",
                                    description = "The comment's address", schema = @Schema(type = "string")),
                            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    schema = @Schema(implementation = CommentView.class))),
                    @ApiResponse(responseCode = "202", description = "Committed, and held for a moderator's review",
                            headers = @io.swagger.v3.oas.annotations.headers.Header(name = "Location",
                                    description = "The comment's address", schema = @Schema(type = "string")),
                            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    schema = @Schema(implementation = CommentView.class))),
                    @ApiResponse(responseCode = "400", ref = BAD_REQUEST),
                    @ApiResponse(responseCode = "401", ref = UNAUTHORIZED),
                    @ApiResponse(responseCode = "403", ref = FORBIDDEN),
                    @ApiResponse(responseCode = "404", ref = NOT_FOUND),
                    @ApiResponse(responseCode = "413", ref = CONTENT_TOO_LARGE),
                    @ApiResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE),
                    @ApiResponse(responseCode = "422", ref = UNPROCESSABLE_CONTENT),
                    @ApiResponse(responseCode = "423", ref = LOCKED),
                    @ApiResponse(responseCode = "429", ref = TOO_MANY_REQUESTS)})
    @Post(THREAD_COMMENTS)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<CommentView> post(@PathVariable String threadId, @Body @Valid PostCommentRequest request,
                                   @Parameter(description = "Any 1 to 255 visible ASCII characters the client picks "
                                           + "per comment; kept for a day", schema = @Schema(type = "string",
                                           minLength = 1, maxLength = 255))
                                   @Nullable @Header("Idempotency-Key") String idempotencyKey);

    @Operation(operationId = "getComment", summary = "The comment as the caller may see it.", responses = {
            @ApiResponse(responseCode = "200", description = "The comment"),
            @ApiResponse(responseCode = "404", ref = NOT_FOUND)})
    @Get(COMMENT)
    @Secured(SecurityRule.IS_ANONYMOUS)
    CommentView comment(@PathVariable String commentId);

    @Operation(operationId = "editComment", summary = "Replaces the body (its author only, while the thread is open).",
            description = """
                    Replaces the body (its author only, while the thread is open), under the rules a new comment \
                    passes: 200 when readers see the new text, 202 when it waits for a moderator's review (status \
                    "pending"; readers keep the text they saw); 422 or 429 as for a new comment, the old text kept. \
                    An edit spends the posting budget. 409 when a moderator removed the comment; 423 when the thread \
                    is locked.""",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The comment as edited, shown to readers",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    schema = @Schema(implementation = CommentView.class))),
                    @ApiResponse(responseCode = "202", description = "The edit, held for a moderator's review",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    schema = @Schema(implementation = CommentView.class))),
                    @ApiResponse(responseCode = "400", ref = BAD_REQUEST),
                    @ApiResponse(responseCode = "401", ref = UNAUTHORIZED),
                    @ApiResponse(responseCode = "403", ref = FORBIDDEN),
                    @ApiResponse(responseCode = "404", ref = NOT_FOUND),
                    @ApiResponse(responseCode = "409", ref = CONFLICT),
                    @ApiResponse(responseCode = "413", ref = CONTENT_TOO_LARGE),
                    @ApiResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE),
                    @ApiResponse(responseCode = "422", ref = UNPROCESSABLE_CONTENT),
                    @ApiResponse(responseCode = "423", ref = LOCKED),
                    @ApiResponse(responseCode = "429", ref = TOO_MANY_REQUESTS)})
    @Patch(COMMENT)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<CommentView> edit(@PathVariable String commentId, @Body @Valid EditCommentRequest request);

    @Operation(operationId = "deleteComment", summary = """
            Its author deletes it; a moderator's DELETE of another's comment removes it (restorable, audited).""",
            description = """
                    Its author deletes it while the thread is open (a comment with replies stays as a tombstone); a \
                    moderator's DELETE of another's comment removes it (restorable, audited); idempotent. 409 when a \
                    moderator removed the author's comment; 423 when the thread is locked.""",
            responses = {
                    @ApiResponse(responseCode = "204", description = "Deleted (or removed)"),
                    @ApiResponse(responseCode = "401", ref = UNAUTHORIZED),
                    @ApiResponse(responseCode = "403", ref = FORBIDDEN),
                    @ApiResponse(responseCode = "404", ref = NOT_FOUND),
                    @ApiResponse(responseCode = "409", ref = CONFLICT),
                    @ApiResponse(responseCode = "423", ref = LOCKED)})
    @Delete(COMMENT)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<Void> delete(@PathVariable String commentId);

    @Operation(operationId = "voteOnComment", summary = "Sets the caller's vote: 1, -1, or 0 to withdraw it.",
            description = """
                    Sets the caller's vote: 1, -1, or 0 to withdraw it (not on one's own comment: 403). 409 when the \
                    comment is removed or under review; 423 when the thread is locked.""",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The caller's vote and the comment's new score"),
                    @ApiResponse(responseCode = "400", ref = BAD_REQUEST),
                    @ApiResponse(responseCode = "401", ref = UNAUTHORIZED),
                    @ApiResponse(responseCode = "403", ref = FORBIDDEN),
                    @ApiResponse(responseCode = "404", ref = NOT_FOUND),
                    @ApiResponse(responseCode = "409", ref = CONFLICT),
                    @ApiResponse(responseCode = "413", ref = CONTENT_TOO_LARGE),
                    @ApiResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE),
                    @ApiResponse(responseCode = "423", ref = LOCKED)})
    @Put(COMMENT + "/vote")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    VoteResult vote(@PathVariable String commentId, @Body @Valid VoteRequest request);

    @Operation(operationId = "getCommentSource", summary = "A comment's Markdown, for its author to edit.", responses = {
            @ApiResponse(responseCode = "200", description = "The Markdown as its author wrote it"),
            @ApiResponse(responseCode = "401", ref = UNAUTHORIZED),
            @ApiResponse(responseCode = "403", ref = FORBIDDEN),
            @ApiResponse(responseCode = "404", ref = NOT_FOUND)})
    @Get(COMMENT + "/source")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    CommentSource source(@PathVariable String commentId);
}
