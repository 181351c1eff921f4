package news.forum.startup;

import news.forum.web.PublicIds;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import news.forum.account.AccountService;
import news.forum.account.Caller;
import news.forum.account.Role;
import news.forum.article.ArticleRequest;
import news.forum.article.ArticleService;
import news.forum.article.ArticleView;
import news.forum.comment.CommentService;
import news.forum.comment.CommentView;
import news.forum.comment.PostCommentRequest;
import news.forum.database.DatabaseSettings;
import news.forum.database.Sql;
import news.forum.thread.ThreadService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import static news.forum.web.PublicIds.Kind.THREAD;

/**
 * Loads the demo thread (the article the product was conceived from) on the first start of the embedded
 * default, or whenever FORUM_DEMO=true. Idempotent, and safe when several instances start at once.
 */
@Singleton
@Requires(property = "forum.demo", notEquals = "false")
public class DemoData implements ApplicationEventListener<StartupEvent> {

    /** The demo accounts: their passwords are printed at start and written in the README. */
    public record DemoAccount(String username, String displayName, String password, Role role) {
    }

    public static final String ARTICLE_URL = "https://news.example/2012/07/us-boots-on-ground-never";
    public static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("moderator", "Mira (moderator)", "moderate-the-demo-2012", Role.MODERATOR),
            new DemoAccount("tariq", "Tariq", "reader-demo-2012-tariq", Role.USER),
            new DemoAccount("sana", "Sana", "reader-demo-2012-sana", Role.USER),
            new DemoAccount("imran", "Imran", "reader-demo-2012-imran", Role.USER));

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final long LOAD_LOCK = 0x666f72756d01L;

    private final PublicIds ids;
    private final boolean enabled;
    private final JsonMapper json;
    private final AccountService accounts;
    private final ArticleService articles;
    private final CommentService comments;
    private final ThreadService threads;
    private final Sql sql;

    DemoData(@Nullable @Value("${forum.demo:}") String demo, DatabaseSettings database, JsonMapper json,
             AccountService accounts, ArticleService articles, CommentService comments, ThreadService threads, Sql sql, PublicIds ids) {
        this.ids = ids;
        this.enabled = "true".equalsIgnoreCase(demo) || ((demo == null || demo.isBlank()) && database.embedded());
        this.json = json;
        this.accounts = accounts;
        this.articles = articles;
        this.comments = comments;
        this.threads = threads;
        this.sql = sql;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (enabled) {
            load();
        }
    }

    @Transactional
    protected void load() {
        // two instances starting together: the second waits here, then finds the article and stops
        sql.one("SELECT pg_advisory_xact_lock(?)", row -> true, LOAD_LOCK);
        SeedThread seed = read();
        ACCOUNTS.forEach(account -> LOG.info("Demo account: {} / {} ({})", account.username(), account.password(), account.role()));
        if (articles.findIfKnown(seed.article().key()).isPresent()) {
            return;
        }
        List<Caller> people = ACCOUNTS.stream().map(this::account).toList();
        Caller moderator = people.get(0);
        List<Caller> readers = people.subList(1, people.size());
        ArticleView article = articles.saveTrusted(seed.article().key(),
                new ArticleRequest(seed.article().title(), ARTICLE_URL)).article();
        long threadId = ids.parse(THREAD, article.thread().id());
        int[] turn = {0};
        for (SeedThread.Comment comment : seed.comments()) {
            post(threadId, comment, null, readers, turn);
        }
        if (seed.locked()) {
            threads.lockAs(moderator, threadId, null, null);
        }
        LOG.info("Loaded the demo thread '{}' ({} top-level comments, locked: {})", seed.article().title(),
                seed.comments().size(), seed.locked());
    }

    private void post(long threadId, SeedThread.Comment comment, String parentId, List<Caller> readers, int[] turn) {
        Caller author = readers.get(turn[0]++ % readers.size());
        CommentView posted = comments.postAs(author, threadId, new PostCommentRequest(comment.body(), parentId), null);
        for (SeedThread.Comment reply : comment.children()) {
            post(threadId, reply, posted.id(), readers, turn);
        }
    }

    private Caller account(DemoAccount account) {
        return accounts.create(account.username(), account.password(), account.displayName(), account.role())
                .orElseGet(() -> accounts.findByUsername(account.username()).orElseThrow());
    }

    private SeedThread read() {
        try (InputStream in = DemoData.class.getResourceAsStream("us-boots-thread.json")) {
            if (in == null) {
                throw new IllegalStateException("us-boots-thread.json is missing from the classpath");
            }
            return json.readValue(in, SeedThread.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the demo thread", e);
        }
    }
}
