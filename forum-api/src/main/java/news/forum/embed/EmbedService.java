package news.forum.embed;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import news.forum.account.Caller;
import news.forum.account.Callers;
import news.forum.article.ArticleRequest;
import news.forum.article.ArticleService;
import news.forum.article.ArticleView;
import news.forum.comment.CommentService;
import news.forum.comment.CommentView;
import news.forum.comment.PostCommentRequest;
import news.forum.text.MarkdownRenderer;
import news.forum.text.TextRules;
import news.forum.web.PublicIds;
import news.forum.web.ProblemException;

import java.util.Optional;

import static news.forum.web.PublicIds.Kind.THREAD;

@Singleton
public class EmbedService {

    private final PublicIds ids;
    private final ArticleService articles;
    private final CommentService comments;
    private final Callers callers;
    private final MarkdownRenderer markdown;
    private final EmbedSettings settings;

    EmbedService(ArticleService articles, CommentService comments, Callers callers,
                 MarkdownRenderer markdown, EmbedSettings settings, PublicIds ids) {
        this.ids = ids;
        this.articles = articles;
        this.comments = comments;
        this.callers = callers;
        this.markdown = markdown;
        this.settings = settings;
    }

    @ReadOnly
    public EmbedArticle article(String key, String url) {
        Optional<ArticleView> article = articles.findIfKnown(key);
        return new EmbedArticle(key, article.orElse(null), article.isPresent() || settings.allows(url));
    }

    /**
     * Posts a top-level comment, first creating the article and its thread when the forum does not know the key
     * yet, which only a page of an allowed publisher origin may do. A known article keeps its title and URL, and of
     * two first replies racing, the one that starts the article sets them.
     */
    @Transactional
    public CommentView postFirst(Authentication authentication, String key, FirstCommentRequest request,
                                 @Nullable String idempotencyKey) {
        Caller author = callers.require(authentication);
        ArticleView article = articles.findIfKnown(key).orElse(null);
        if (article == null) {
            if (!settings.allows(request.url())) {
                throw notAllowed();
            }
            article = articles.start(key, new ArticleRequest(request.title(), request.url()));
        }
        return comments.postAs(author, ids.parse(THREAD, article.thread().id()),
                new PostCommentRequest(request.body(), null), idempotencyKey);
    }

    /** The body cleaned as posting cleans it (NUL refused, bidi controls removed), so the preview shows what a post would. */
    public Preview preview(PreviewRequest request) {
        return new Preview(markdown.render(TextRules.commentBody(request.body())));
    }

    static ProblemException notAllowed() {
        return new ProblemException(HttpStatus.FORBIDDEN, "origin-not-allowed", "Origin not allowed",
                "This page's address does not belong to one of the forum's publishers, so no discussion can start here.");
    }
}
