package news.forum.article;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import news.forum.account.Callers;
import news.forum.text.TextRules;
import news.forum.thread.ThreadRepository;
import news.forum.web.ProblemException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

@Singleton
public class ArticleService {

    /** The result of a PUT: the article and whether it is new. */
    public record Saved(ArticleView article, boolean created) {
    }

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._~-]{1,200}");

    private final ArticleRepository articles;
    private final ThreadRepository threads;
    private final Callers callers;

    ArticleService(ArticleRepository articles, ThreadRepository threads, Callers callers) {
        this.articles = articles;
        this.threads = threads;
        this.callers = callers;
    }

    @Transactional
    public Saved save(Authentication authentication, String key, ArticleRequest request) {
        callers.requireModerator(authentication);
        return saveTrusted(key, request);
    }

    /** For start-up work (demo data) that acts as the system, not as a signed-in account. */
    @Transactional
    public Saved saveTrusted(String key, ArticleRequest request) {
        ArticleRequest checked = check(key, request);
        ArticleRepository.Upserted upserted = articles.upsert(key, checked.title(), checked.url());
        threads.createForArticle(upserted.id());
        return new Saved(find(key), upserted.created());
    }

    /**
     * Creates the article and its thread unless the key is known, when it stays exactly as it is: a reader's first
     * reply starts a discussion, it never renames or moves one (of two racing, the first to insert wins).
     */
    @Transactional
    public ArticleView start(String key, ArticleRequest request) {
        ArticleRequest checked = check(key, request);
        long id = articles.insertIfAbsent(key, checked.title(), checked.url());
        threads.createForArticle(id);
        return find(key);
    }

    private static ArticleRequest check(String key, ArticleRequest request) {
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.invalidField("key", "must be 1 to 200 characters of letters, digits, '.', '_', '~' or '-'");
        }
        String title = TextRules.cleanLine("title", request.title());
        if (title.isEmpty()) {
            throw ProblemException.invalidField("title", "must not be blank");
        }
        return new ArticleRequest(title, checkUrl(request.url().strip()));
    }

    @ReadOnly
    public ArticleView find(String key) {
        return findIfKnown(key).orElseThrow(() -> ProblemException.notFound("The article"));
    }

    /** Empty for a key the forum does not know (or that could not be one), without failing the transaction. */
    @ReadOnly
    public Optional<ArticleView> findIfKnown(String key) {
        if (!KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        return articles.findByKey(key).map(article -> new ArticleView(article.key(), article.title(), article.url(),
                threads.findViewByArticleKey(key).orElseThrow()));
    }

    private static String checkUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri.toString();
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw ProblemException.invalidField("url", "must be an absolute http or https URL");
    }
}
