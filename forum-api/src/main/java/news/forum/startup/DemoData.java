package news.forum.startup;

import news.forum.web.PublicIds;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import news.forum.account.DemoAccounts;
import news.forum.account.Caller;
import news.forum.account.Role;
import news.forum.article.ArticleRequest;
import news.forum.article.ArticleService;
import news.forum.article.ArticleView;
import news.forum.comment.CommentService;
import news.forum.comment.CommentView;
import news.forum.comment.PostCommentRequest;
import news.forum.database.Sql;
import news.forum.thread.ThreadService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static news.forum.web.PublicIds.Kind.THREAD;

/**
 * Demo mode's data: the demo accounts, with the passwords kept in the data directory (printed here), and the demo
 * thread (the article the product was conceived from). Idempotent, and safe when several instances start at once.
 */
@Singleton
@Requires(property = DemoMode.PROPERTY, value = "true")
public class DemoData implements ApplicationEventListener<StartupEvent> {

    /** A demo account; its password is the data directory's ({@link DemoPasswords}). */
    public record DemoAccount(String username, String displayName, Role role) {
    }

    public static final String ARTICLE_URL = "https://news.example/2012/07/us-boots-on-ground-never";
    public static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("moderator", "Mira (moderator)", Role.MODERATOR),
            new DemoAccount("tariq", "Tariq", Role.USER),
            new DemoAccount("sana", "Sana", Role.USER),
            new DemoAccount("imran", "Imran", Role.USER));

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final long LOAD_LOCK = 0x666f72756d01L;

    private final PublicIds ids;
    private final JsonMapper json;
    private final DemoAccounts demoAccounts;
    private final DemoPasswords passwords;
    private final ArticleService articles;
    private final CommentService comments;
    private final ThreadService threads;
    private final Sql sql;

    DemoData(JsonMapper json, DemoAccounts demoAccounts, DemoPasswords passwords, ArticleService articles,
             CommentService comments, ThreadService threads, Sql sql, PublicIds ids) {
        this.ids = ids;
        this.json = json;
        this.demoAccounts = demoAccounts;
        this.passwords = passwords;
        this.articles = articles;
        this.comments = comments;
        this.threads = threads;
        this.sql = sql;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        LOG.warn("Demo mode (--demo or FORUM_DEMO=true): demo accounts, the demo thread and the demo pages at / and "
                + "/demo/*, where any signed-in reader may start a thread. Not for a public site.");
        load();
    }

    @Transactional
    protected void load() {
        // two instances starting together: the second waits here, then finds the article and stops
        sql.one("SELECT pg_advisory_xact_lock(?)", row -> true, LOAD_LOCK);
        List<Caller> people = new ArrayList<>();
        for (DemoAccount account : ACCOUNTS) {
            String password = passwords.of(account.username());
            Optional<Caller> caller = demoAccounts.ensure(account.username(), account.displayName(), password, account.role());
            if (caller.isPresent()) {
                LOG.info("Demo account: {} / {} ({})", account.username(), password, account.role());
                people.add(caller.get());
            } else {
                LOG.warn("Demo account '{}' left out: a real account has the name", account.username());
            }
        }
        SeedThread seed = read();
        if (articles.findIfKnown(seed.article().key()).isPresent()) {
            return;
        }
        Optional<Caller> moderator = people.stream().filter(caller -> caller.role() == Role.MODERATOR).findFirst();
        List<Caller> readers = people.stream().filter(caller -> caller.role() == Role.USER).toList();
        if (moderator.isEmpty() || readers.isEmpty()) {
            LOG.warn("The demo thread is not loaded: its accounts' names belong to real accounts");
            return;
        }
        ArticleView article = articles.saveTrusted(seed.article().key(),
                new ArticleRequest(seed.article().title(), ARTICLE_URL)).article();
        long threadId = ids.parse(THREAD, article.thread().id());
        int[] turn = {0};
        for (SeedThread.Comment comment : seed.comments()) {
            post(threadId, comment, null, readers, turn);
        }
        if (seed.locked()) {
            threads.lockAs(moderator.get(), threadId, null, null);
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
