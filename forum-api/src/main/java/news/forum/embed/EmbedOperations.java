package news.forum.embed;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
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
import news.forum.comment.CommentView;

import static news.forum.web.ApiProblems.BAD_REQUEST;
import static news.forum.web.ApiProblems.CONTENT_TOO_LARGE;
import static news.forum.web.ApiProblems.FORBIDDEN;
import static news.forum.web.ApiProblems.LOCKED;
import static news.forum.web.ApiProblems.NOT_FOUND;
import static news.forum.web.ApiProblems.TOO_MANY_REQUESTS;
import static news.forum.web.ApiProblems.UNAUTHORIZED;
import static news.forum.web.ApiProblems.UNPROCESSABLE_CONTENT;
import static news.forum.web.ApiProblems.UNSUPPORTED_MEDIA_TYPE;

/** What the embeddable widget needs beyond the core API. */
@Tag(name = "Embed")
public interface EmbedOperations {

    @Operation(operationId = "getEmbedArticle", summary = """
            The article behind a widget, or null with whether a first reply may start its thread from that page URL.""",
            responses = @ApiResponse(responseCode = "200", description = "The article, or null and whether a first reply may start it"))
    @Get("/api/v1/embed/articles/{key}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    EmbedArticle embedArticle(@PathVariable String key,
                              @Parameter(description = "The address of the publisher's page the widget is on")
                              @Nullable @QueryValue String url);

    @Operation(operationId = "postFirstComment", summary = """
            A top-level comment that creates the article and its thread when it is the first (allowed origins only).""",
            description = """
                    A top-level comment that creates the article and its thread when it is the first; only a page of \
                    an allowed publisher origin may start one (403 otherwise); the article's title and URL are those \
                    of the first, never changed by a later one. Answers as posting a comment does: 201 shown, 202 held \
                    for review.""",
            responses = {
                    @ApiResponse(responseCode = "201", description = "Committed and shown",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    schema = @Schema(implementation = CommentView.class))),
                    @ApiResponse(responseCode = "202", description = "Committed, and held for a moderator's review",
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
    @Post("/api/v1/embed/articles/{key}/comments")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<CommentView> postFirst(@PathVariable String key, @Body @Valid FirstCommentRequest request,
                                        @Parameter(description = "As for posting a comment", schema = @Schema(
                                                type = "string", minLength = 1, maxLength = 255))
                                        @Nullable @Header("Idempotency-Key") String idempotencyKey);

    @Operation(operationId = "previewComment", summary = "Renders Markdown as a posted comment would show it, without posting it.",
            description = "The text is cleaned as posting cleans it (a body of only invisible characters is a 400), "
                    + "within a per-address budget (FORUM_PREVIEWS_PER_ADDRESS a minute, then 429 with Retry-After).",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The HTML a posted comment would show"),
                    @ApiResponse(responseCode = "400", ref = BAD_REQUEST),
                    @ApiResponse(responseCode = "401", ref = UNAUTHORIZED),
                    @ApiResponse(responseCode = "413", ref = CONTENT_TOO_LARGE),
                    @ApiResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE),
                    @ApiResponse(responseCode = "429", ref = TOO_MANY_REQUESTS)})
    @Post("/api/v1/embed/preview")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Preview preview(@Body @Valid PreviewRequest request);
}
