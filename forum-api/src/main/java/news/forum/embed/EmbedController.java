package news.forum.embed;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import news.forum.comment.CommentView;
import news.forum.comment.PostedComment;
import news.forum.throttle.WriteBudgets;


/** What the embeddable widget needs beyond the core API. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Embed")
class EmbedController {

    private final EmbedService embed;
    private final EmbedSettings settings;
    private final WriteBudgets budgets;

    EmbedController(EmbedService embed, EmbedSettings settings, WriteBudgets budgets) {
        this.embed = embed;
        this.settings = settings;
        this.budgets = budgets;
    }

    /** The article behind a widget, or null with whether a first reply may start its thread from that page URL. */
    @Get("/embed/articles/{key}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    EmbedArticle article(@PathVariable String key, @Nullable @QueryValue String url) {
        return embed.article(key, url);
    }

    /**
     * A top-level comment that creates the article and its thread when it is the first (pages of allowed origins only);
     * the article's title and URL are those of the first, never changed by a later one.
     */
    @Post("/embed/articles/{key}/comments")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<CommentView> postFirst(@PathVariable String key, @Body @Valid FirstCommentRequest body,
                                        @Nullable @Header("Idempotency-Key") String idempotencyKey,
                                        Authentication authentication, HttpRequest<?> request) {
        budgets.spendPost(authentication, request);
        return PostedComment.response(
                embed.postFirst(authentication, key, body, idempotencyKey));
    }

    /** Renders Markdown as a posted comment would show it, without posting it; within a per-address budget (429). */
    @Post("/embed/preview")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Preview preview(@Body @Valid PreviewRequest body, HttpRequest<?> request) {
        budgets.spendPreview(request);
        return embed.preview(body);
    }

    /** A comment's Markdown, for its author to edit. */
    @Get("/comments/{commentId}/source")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    CommentSource source(@PathVariable String commentId, Authentication authentication) {
        return embed.source(authentication, commentId);
    }
}
