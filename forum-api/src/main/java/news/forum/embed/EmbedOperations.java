package news.forum.embed;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import news.forum.comment.CommentView;

/** What the embeddable widget needs beyond the core API. */
@Tag(name = "Embed")
public interface EmbedOperations {

    @Operation(summary = """
            The article behind a widget, or null with whether a first reply may start its thread from that page URL.""")
    @Get("/api/v1/embed/articles/{key}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    EmbedArticle embedArticle(@PathVariable String key, @Nullable @QueryValue String url);

    @Operation(summary = """
            A top-level comment that creates the article and its thread when it is the first (allowed origins only).""",
            description = """
            A top-level comment that creates the article and its thread when it is the first (pages of allowed             origins only); the article's title and URL are those of the first, never changed by a later one.""")
    @Post("/api/v1/embed/articles/{key}/comments")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<CommentView> postFirst(@PathVariable String key, @Body @Valid FirstCommentRequest request,
                                        @Nullable @Header("Idempotency-Key") String idempotencyKey);

    @Operation(summary = "Renders Markdown as a posted comment would show it, without posting it.")
    @Post("/api/v1/embed/preview")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Preview preview(@Body @Valid PreviewRequest request);
}
