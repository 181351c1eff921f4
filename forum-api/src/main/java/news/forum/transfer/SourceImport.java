package news.forum.transfer;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import news.forum.account.AccountTransfer;
import news.forum.article.ArticleTransfer;
import news.forum.audit.AuditTransfer;
import news.forum.comment.CommentTransfer;
import news.forum.text.ImportedText;
import news.forum.thread.ThreadTransfer;
import news.forum.web.SiteSecretTransfer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Moves a Disqus or WordPress export in: reads the whole file as a stream into an {@link ImportPlan} (bounded memory:
 * numbers on the heap, texts in a temporary file), computes the tree, then writes threads, placeholder accounts and
 * comments, the comments as whole subtrees per transaction with COPY, their texts sanitised on the other cores while
 * the database takes the rows before ({@link TextPipeline}), so a run stopped anywhere (even by SIGKILL)
 * leaves exact counters and the next run writes exactly what is missing. Nothing of the posting path runs: no rules,
 * budgets, slow mode, live events or mails; the import is one audit entry with its counts.
 */
@Singleton
final class SourceImport {

    /** The formats a source export comes in. */
    enum Kind {
        DISQUS, WORDPRESS
    }

    /** How an imported thread's article key is made. */
    enum KeyFrom {
        IDENTIFIER, URL
    }

    /** What the command asked for. */
    record Request(Kind kind, Path file, KeyFrom keyFrom, boolean dryRun) {
    }

    /** The outcome: the counts, and the file's fault when it stopped early. */
    record Outcome(ImportPlan.Report report, MalformedFile malformed, String source) {
    }

    static final int BATCH = 10_000;
    private static final int THREADS_PER_TRANSACTION = 200;

    private final TransactionOperations<Connection> transactions;
    private final AccountTransfer accounts;
    private final ArticleTransfer articles;
    private final ThreadTransfer threads;
    private final CommentTransfer comments;
    private final AuditTransfer audit;
    private final SiteSecretTransfer secrets;

    SourceImport(TransactionOperations<Connection> transactions, AccountTransfer accounts, ArticleTransfer articles,
                 ThreadTransfer threads, CommentTransfer comments, AuditTransfer audit, SiteSecretTransfer secrets) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.articles = articles;
        this.threads = threads;
        this.comments = comments;
        this.audit = audit;
        this.secrets = secrets;
    }

    Outcome run(Request request, Progress progress) {
        ImportPlan.Report report = new ImportPlan.Report();
        ImportPlan plan = new ImportPlan(request.kind() == Kind.WORDPRESS ? ImportedText.Format.WORDPRESS
                : ImportedText.Format.HTML, report);
        try {
            long totalBytes = Files.size(request.file());
            MalformedFile malformed = null;
            String site = null;
            try (CountingInput in = new CountingInput(Files.newInputStream(request.file()))) {
                XmlRecords records = request.kind() == Kind.DISQUS ? new DisqusRecords(in) : new WordPressRecords(in);
                try {
                    records.read(new Source.Sink() {
                        @Override
                        public void thread(Source.Thread thread) {
                            plan.addThread(thread);
                            progress.reading(plan.size() + plan.threads.size(), in.count(), totalBytes);
                        }

                        @Override
                        public void post(Source.Post post) {
                            plan.addPost(post);
                            progress.reading(plan.size() + plan.threads.size(), in.count(), totalBytes);
                        }
                    });
                } catch (MalformedFile e) {
                    malformed = e;
                }
                progress.readingDone(plan.size() + plan.threads.size());
                if (records instanceof WordPressRecords wordPress) {
                    site = wordPress.site();
                }
            }
            String source = request.kind() == Kind.DISQUS ? "disqus"
                    : "wordpress:" + (site == null || site.isBlank() ? "unknown" : site.strip());
            String prefix = request.kind() == Kind.DISQUS ? "disqus" : "wordpress";
            if (request.dryRun()) {
                plan.plan(new LongLongMap(16), row -> null, t -> usable(plan.threads.get(t)), t -> 0,
                        malformed == null);
                count(plan, report);
                int[] order = plan.order();
                report.threadsCreated = (int) Arrays.stream(order).map(plan::thread).distinct().count();
                report.accountsCreated = (int) Arrays.stream(order).map(plan::author).filter(a -> a >= 0).distinct().count();
                return new Outcome(report, malformed, source);
            }
            write(plan, request, source, prefix, malformed == null, progress);
            return new Outcome(report, malformed, source);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + request.file(), e);
        } finally {
            plan.close();
        }
    }

    private void write(ImportPlan plan, Request request, String source, String prefix, boolean complete,
                       Progress progress) {
        // the site's id key exists before the first rows do (a server's first read of them may be read-only)
        transactions.executeWrite(status -> secrets.publicIdKey());
        LongLongMap imported = new LongLongMap(1 << 10);
        transactions.executeRead(status -> comments.eachImported(source, (sourceId, row) -> {
            long key = plan.knownKey(sourceId);
            if (key != ImportPlan.NONE) {
                imported.putIfAbsent(key, row);
            }
        }));
        long[] threadRows = new long[plan.threads.size()];
        transactions.executeRead(status -> {
            for (int t = 0; t < threadRows.length; t++) {
                Source.Thread thread = plan.threads.get(t);
                if (thread != null) {
                    int index = t;
                    articles.findImported(source, thread.sourceId()).flatMap(threads::findThreadOf)
                            .ifPresent(row -> threadRows[index] = row);
                }
            }
            return null;
        });
        plan.plan(imported,
                row -> transactions.executeRead(status -> comments.positions(new long[]{row}).get(row)),
                t -> usable(plan.threads.get(t)), t -> threadRows[t], complete);
        int[] order = plan.order();
        placeThreads(plan, order, request.keyFrom(), source, threadRows);
        long[] authorRows = placeAuthors(plan, order, source, prefix);
        long guest = Arrays.stream(order).anyMatch(i -> plan.author(i) < 0)
                ? transactions.executeWrite(status -> accounts.guest()) : 0;
        ImportPlan.Report report = plan.report;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long[] rowIds = new long[plan.size()];
        progress.writing(0, order.length);
        try (TextPipeline texts = new TextPipeline(plan, order, plan::tombstone)) {
            writeComments(plan, order, source, texts, rowIds, threadRows, authorRows, guest, now, progress);
        }
        count(plan, report);
        transactions.executeWrite(status -> {
            audit.recordImport("site.import", request.kind().name().toLowerCase(Locale.ROOT) + " "
                    + request.file().getFileName() + ": " + Summary.counts(report));
            return null;
        });
    }

    /** The comments in order, a whole subtree per transaction (at least BATCH comments when subtrees are small). */
    private void writeComments(ImportPlan plan, int[] order, String source, TextPipeline texts, long[] rowIds,
                               long[] threadRows, long[] authorRows, long guest, Instant now, Progress progress) {
        ImportPlan.Report report = plan.report;
        for (int from = 0; from < order.length; ) {
            int to = from;
            while (to < order.length && (to - from < BATCH || plan.top(order[to]) == plan.top(order[to - 1]))) {
                to++;
            }
            int start = from;
            int count = to - from;
            transactions.executeWrite(status -> {
                long[] ids = comments.allocateIds(count);
                for (int k = 0; k < count; k++) {
                    rowIds[order[start + k]] = ids[k];
                }
                Map<Long, Integer> counted = new HashMap<>();
                Map<Long, Integer> underExisting = new HashMap<>();
                comments.insert(source, count, k -> {
                    int i = order[start + k];
                    return comment(plan, i, texts.next(), rowIds, threadRows, authorRows, guest, now, counted,
                            underExisting);
                }, k -> plan.sourceId(order[start + k]));
                underExisting.forEach(comments::countListedReplies);
                threads.addCommentCounts(counted);
                return null;
            });
            report.commentsWritten += count;
            progress.writing(report.commentsWritten, order.length);
            from = to;
        }
    }

    private CommentTransfer.NewComment comment(ImportPlan plan, int i, TextPipeline.Prepared texts, long[] rowIds,
                                               long[] threadRows,
                                               long[] authorRows, long guest, Instant now,
                                               Map<Long, Integer> counted, Map<Long, Integer> underExisting) {
        long id = rowIds[i];
        int up = plan.effectiveParent(i);
        int top = plan.top(i);
        CommentTransfer.Position external = plan.external(top);
        Long parentId;
        long rootId;
        StringBuilder path = new StringBuilder();
        if (up >= 0) {
            parentId = rowIds[up];
            // the path: the chain's keys up to the group's top, under the top's own place
            List<Long> chain = new ArrayList<>();
            for (int at = i; at != top; at = plan.effectiveParent(at)) {
                chain.add(rowIds[at]);
            }
            chain.add(rowIds[top]);
            if (external != null) {
                path.append(external.path());
            }
            for (int c = chain.size() - 1; c >= 0; c--) {
                if (c == chain.size() - 1 && external == null) {
                    continue; // a root has no key in its own path
                }
                path.append(CommentTransfer.pathKey(chain.get(c)));
            }
            rootId = external != null ? external.rootId() : rowIds[top];
        } else if (external != null) {
            parentId = external.id();
            rootId = external.rootId();
            path.append(external.path()).append(CommentTransfer.pathKey(id));
            if (plan.listed(i)) {
                underExisting.merge(external.id(), 1, Integer::sum);
            }
        } else {
            parentId = null;
            rootId = id;
        }
        long threadId = threadRows[plan.thread(i)];
        if (plan.counted(i)) {
            counted.merge(threadId, 1, Integer::sum);
        }
        boolean tombstone = plan.tombstone(i);
        Source.State state = plan.state(i);
        int authorIndex = plan.author(i);
        return new CommentTransfer.NewComment(id, threadId, parentId, rootId, plan.depth(i), path.toString(),
                authorIndex < 0 ? guest : authorRows[authorIndex], authorIndex < 0 ? texts.guestName() : null,
                tombstone ? "" : texts.text(), tombstone ? "" : texts.html(), plan.createdAt(i),
                tombstone ? now : null, plan.replies(i),
                state == Source.State.PENDING ? CommentTransfer.PENDING : null,
                state == Source.State.PENDING ? "Held for review in the system it was moved in from" : null,
                state == Source.State.SPAM ? now : null, state == Source.State.SPAM ? "spam" : null);
    }

    /** Articles and threads for every source thread that gets comments; closed ones locked. */
    private void placeThreads(ImportPlan plan, int[] order, KeyFrom keyFrom, String source, long[] threadRows) {
        boolean[] needed = new boolean[plan.threads.size()];
        for (int i : order) {
            needed[plan.thread(i)] = true;
        }
        List<Integer> wanted = new ArrayList<>();
        for (int t = 0; t < needed.length; t++) {
            if (needed[t]) {
                wanted.add(t);
            }
        }
        for (int from = 0; from < wanted.size(); from += THREADS_PER_TRANSACTION) {
            List<Integer> batch = wanted.subList(from, Math.min(wanted.size(), from + THREADS_PER_TRANSACTION));
            transactions.executeWrite(status -> {
                for (int t : batch) {
                    Source.Thread thread = plan.threads.get(t);
                    String url = thread.link().strip();
                    String key = key(thread, keyFrom);
                    String title = thread.title() == null || ImportedText.line(thread.title()).isEmpty()
                            ? url : ImportedText.line(thread.title());
                    ArticleTransfer.Placed placed = articles.place(source, thread.sourceId(), key, title, url,
                            thread.createdAt() == null ? Instant.now() : thread.createdAt());
                    if (placed.created()) {
                        plan.report.threadsCreated++;
                    } else {
                        plan.report.threadsJoined++;
                    }
                    threadRows[t] = threads.threadOf(placed.articleId());
                    if (thread.closed() && threads.lockImported(threadRows[t])) {
                        plan.report.threadsLocked++;
                    }
                }
                return null;
            });
        }
    }

    /** Placeholder accounts for the authors of the comments to write (the guest's aside); their row ids by author. */
    private long[] placeAuthors(ImportPlan plan, int[] order, String source, String prefix) {
        long[] rows = new long[plan.authors.size()];
        boolean[] needed = new boolean[rows.length];
        for (int i : order) {
            if (plan.author(i) >= 0) {
                needed[plan.author(i)] = true;
            }
        }
        Map<String, Long> known = new HashMap<>();
        transactions.executeRead(status -> accounts.eachImported(source, known::put));
        String hashKey = transactions.executeWrite(status -> secrets.emailHashKey());
        List<AccountTransfer.Placeholder> missing = new ArrayList<>();
        String[] keys = new String[rows.length];
        for (int a = 0; a < rows.length; a++) {
            Source.Author author = plan.authors.get(a);
            keys[a] = importKey(author.identity(), hashKey);
            Long row = known.get(keys[a]);
            if (row != null) {
                rows[a] = row;
            } else if (needed[a]) {
                missing.add(new AccountTransfer.Placeholder(keys[a], author.preferredName(),
                        ImportPlan.name(author.displayName()),
                        author.email() == null ? null : AccountTransfer.emailHash(hashKey, author.email())));
            }
        }
        for (int from = 0; from < missing.size(); from += 1_000) {
            List<AccountTransfer.Placeholder> batch = missing.subList(from, Math.min(missing.size(), from + 1_000));
            Map<String, Long> made = transactions.executeWrite(status -> accounts.create(source, prefix, batch));
            known.putAll(made);
            plan.report.accountsCreated += batch.size();
        }
        for (int a = 0; a < rows.length; a++) {
            Long row = known.get(keys[a]);
            if (row != null) {
                rows[a] = row;
            }
        }
        return rows;
    }

    /**
     * How a placeholder remembers its author's identity in the source: an identity that is an e-mail address is kept
     * as its keyed hash, like the account's email_hash, so no address is stored in clear.
     */
    static String importKey(String identity, String hashKey) {
        if (!identity.startsWith("email:")) {
            return identity;
        }
        return "email-hash:" + java.util.HexFormat.of().formatHex(
                AccountTransfer.emailHash(hashKey, identity.substring("email:".length())));
    }

    private static void count(ImportPlan plan, ImportPlan.Report report) {
        for (int i : plan.order()) {
            if (plan.tombstone(i)) {
                report.tombstones++;
            } else if (plan.state(i) == Source.State.SPAM) {
                report.removedAsSpam++;
            } else if (plan.state(i) == Source.State.PENDING) {
                report.held++;
            }
        }
        report.planned = plan.order().length;
    }

    static boolean usable(Source.Thread thread) {
        return thread != null && !thread.deleted() && httpUrl(thread.link());
    }

    private static boolean httpUrl(String link) {
        if (link == null || link.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(link.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    /** The article key of a source thread: from its identifier (falling back to its address) or its address. */
    static String key(Source.Thread thread, KeyFrom keyFrom) {
        String fromUrl = keyFromUrl(thread.link().strip());
        if (keyFrom == KeyFrom.IDENTIFIER && thread.identifier() != null) {
            String key = ArticleTransfer.keyFrom(thread.identifier());
            if (!key.isEmpty()) {
                return key;
            }
        }
        return fromUrl.isEmpty() ? ArticleTransfer.keyFrom("thread-" + thread.sourceId()) : fromUrl;
    }

    /** The address's path and query, made a key ("https://news.example/2012/07/boots/" gives "2012-07-boots"). */
    static String keyFromUrl(String link) {
        URI uri = URI.create(link);
        String path = (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String key = ArticleTransfer.keyFrom(java.net.URLDecoder.decode(path, java.nio.charset.StandardCharsets.UTF_8));
        return key.isEmpty() ? ArticleTransfer.keyFrom(uri.getHost()) : key;
    }

    /** Counts the bytes read, for the progress bar's position in the file. */
    private static final class CountingInput extends BufferedInputStream {
        private long count;

        CountingInput(InputStream in) {
            super(in, 1 << 16);
        }

        @Override
        public synchronized int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public synchronized int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        long count() {
            return count;
        }
    }
}
