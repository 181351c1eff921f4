package news.forum.transfer;

import news.forum.comment.CommentTransfer;
import news.forum.text.ImportedText;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Everything an import has read, as numbers in primitive arrays (one slot per comment, in file order; the source texts
 * wait in the {@link Spill}), and the tree it computes from them once the whole file is read:
 * <ul>
 * <li>each comment under its parent; a parent missing from the file makes it top-level; one deeper than the 64-level
 *     limit hangs at the deepest allowed level (as a sibling of its parent there);</li>
 * <li>deleted comments (and pingbacks, trackbacks) kept as tombstones only where they hold kept replies;</li>
 * <li>the order ids are given in: thread by thread, whole subtrees (groups) in the order of their tops' times, and
 *     within one, by time, a parent always before its replies (a reply dated before its parent follows it);</li>
 * <li>each comment's listed replies, as the API's counters count them.</li>
 * </ul>
 * A group (a new top-level comment, or a new reply under a comment imported before, with everything under it) is
 * written in one transaction, so whatever commits leaves every counter exact.
 */
final class ImportPlan {

    static final long NONE = Long.MIN_VALUE;
    private static final int MAX_DEPTH = CommentTransfer.MAX_DEPTH;

    // read from the file, one slot per comment
    private long[] key = new long[1024];
    private long[] parentKey = new long[1024];
    private int[] thread = new int[1024];
    private long[] created = new long[1024];
    private byte[] state = new byte[1024];
    private int[] author = new int[1024];
    private long[] spillAt = new long[1024];
    private int size;

    private final Map<String, Long> stringKeys = new HashMap<>();
    private final List<String> stringIds = new ArrayList<>();
    private final LongLongMap index = new LongLongMap(1 << 16);

    final List<Source.Thread> threads = new ArrayList<>();
    private final Map<String, Integer> threadIndex = new HashMap<>();
    final List<Source.Author> authors = new ArrayList<>();
    private final Map<String, Integer> authorIndex = new HashMap<>();

    private final Spill spill = new Spill();
    private final ImportedText.Format format;
    final Report report;

    // computed by plan()
    private int[] parent;
    private byte[] depth;
    private int[] effectiveParent;
    private long[] effectiveTime;
    private int[] replies;
    private int[] top;
    private boolean[] kept;
    private int[] order;
    private int ordered;
    /** Tops that hang under a comment written before: the comment's position. */
    private final Map<Integer, CommentTransfer.Position> external = new HashMap<>();

    ImportPlan(ImportedText.Format format, Report report) {
        this.format = format;
        this.report = report;
    }

    int size() {
        return size;
    }

    /** A thread; one that posts named before it came (WordPress writes an item's comments first) is filled in. */
    void addThread(Source.Thread source) {
        Integer t = threadIndex.get(source.sourceId());
        if (t == null) {
            threadIndex.put(source.sourceId(), threads.size());
            threads.add(source);
        } else if (threads.get(t) == null) {
            threads.set(t, source);
        }
    }

    /** Reads one comment: its numbers here, its source text into the spill. */
    void addPost(Source.Post post) {
        if (size == key.length) {
            grow();
        }
        int i = size++;
        key[i] = key(post.sourceId());
        parentKey[i] = post.parentSourceId() == null ? NONE : key(post.parentSourceId());
        Integer t = threadIndex.get(post.threadSourceId());
        if (t == null) {
            // a post may come before its thread (WordPress writes the item's fields last): keep its id for now
            t = threads.size();
            threadIndex.put(post.threadSourceId(), t);
            threads.add(null);
        }
        thread[i] = t;
        Instant at = post.createdAt();
        created[i] = at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
        state[i] = (byte) post.state().ordinal();
        String guestName = "";
        if (post.author().identity() == null) {
            author[i] = -1;
            guestName = name(post.author().displayName());
        } else {
            author[i] = authorIndex.computeIfAbsent(post.author().identity(), identity -> {
                authors.add(post.author());
                return authors.size() - 1;
            });
        }
        // the text is sanitised when it is written, beside the database's work on the batch before (TextPipeline)
        spillAt[i] = spill.write(post.state() == Source.State.PINGBACK ? "" : post.text(), guestName);
    }

    static String name(String shown) {
        String line = ImportedText.line(shown);
        if (line.codePointCount(0, line.length()) > 64) {
            line = line.substring(0, line.offsetByCodePoints(0, 64));
        }
        return line.isEmpty() ? "Guest" : line;
    }

    private long key(String sourceId) {
        String id = sourceId.strip();
        if (!id.isEmpty() && id.length() <= 18 && id.chars().allMatch(c -> c >= '0' && c <= '9')
                && (id.length() == 1 || id.charAt(0) != '0')) {
            return Long.parseLong(id);
        }
        return stringKeys.computeIfAbsent(id, s -> {
            stringIds.add(s);
            return -(long) stringIds.size();
        });
    }

    /** The key of a source id the file holds, or NONE (ids only the database knows are of no use here). */
    long knownKey(String sourceId) {
        String id = sourceId.strip();
        if (!id.isEmpty() && id.length() <= 18 && id.chars().allMatch(c -> c >= '0' && c <= '9')
                && (id.length() == 1 || id.charAt(0) != '0')) {
            return Long.parseLong(id);
        }
        Long found = stringKeys.get(id);
        return found == null ? NONE : found;
    }

    String sourceId(int i) {
        long k = key[i];
        return k >= 0 ? Long.toString(k) : stringIds.get((int) (-k - 1));
    }

    int thread(int i) {
        return thread[i];
    }

    int author(int i) {
        return author[i];
    }

    Source.State state(int i) {
        return Source.State.values()[state[i]];
    }

    Instant createdAt(int i) {
        return Instant.ofEpochSecond(Math.floorDiv(created[i], 1_000_000L), Math.floorMod(created[i], 1_000_000L) * 1_000L);
    }

    /** A comment's texts as the source wrote them; safe from several threads once planned. */
    Spill.Texts texts(int i) {
        return spill.read(spillAt[i]);
    }

    ImportedText.Format format() {
        return format;
    }

    boolean kept(int i) {
        return kept[i];
    }

    int replies(int i) {
        return replies[i];
    }

    int depth(int i) {
        return depth[i];
    }

    int effectiveParent(int i) {
        return effectiveParent[i];
    }

    int top(int i) {
        return top[i];
    }

    CommentTransfer.Position external(int top) {
        return external.get(top);
    }

    /** The kept new comments in the order they get their ids. */
    int[] order() {
        return Arrays.copyOf(order, ordered);
    }

    /** Deleted in the source (or a pingback): a tombstone when kept. */
    boolean tombstone(int i) {
        Source.State s = state(i);
        return s == Source.State.DELETED || s == Source.State.PINGBACK;
    }

    /** Has a place in a reader's listing, which its parent's reply count counts. */
    boolean listed(int i) {
        return kept[i] && (replies[i] > 0 || (!tombstone(i) && state(i) != Source.State.PENDING));
    }

    /** In its thread's comment count: published, neither removed nor held nor deleted. */
    boolean counted(int i) {
        return kept[i] && state(i) == Source.State.PUBLISHED;
    }

    /**
     * Computes the tree. {@code imported} gives, by key, the row id of a comment this source already imported;
     * {@code positions} where such comments sit; {@code usableThread} whether a thread can take comments.
     * {@code complete} is false when the file stopped early (malformed): a comment whose parent is not read yet is
     * then left for the rerun instead of being made top-level.
     */
    void plan(LongLongMap imported, LongFunction<CommentTransfer.Position> positions,
              java.util.function.IntPredicate usableThread, java.util.function.IntToLongFunction threadRow,
              boolean complete) {
        spill.finishWriting();
        int n = size;
        parent = new int[n];
        long[] parentRow = new long[n];
        boolean[] skipped = new boolean[n];
        // first occurrence of each id; imported ones are never written again
        for (int i = 0; i < n; i++) {
            long first = index.putIfAbsent(key[i], i);
            if (first >= 0) {
                skipped[i] = true;
                report.skip("the same id twice in the file");
            } else if (!usableThread.test(thread[i])) {
                skipped[i] = true;
                report.skip(threads.get(thread[i]) == null ? "its thread is not in the file"
                        : threads.get(thread[i]).deleted() ? "its thread was deleted" : "its thread has no http(s) link");
            } else if (imported.get(key[i]) > 0) {
                skipped[i] = true;
                report.alreadyImported++;
            }
        }
        Map<Long, CommentTransfer.Position> known = new HashMap<>();
        boolean[] deferred = new boolean[n];
        for (int i = 0; i < n; i++) {
            parent[i] = -1;
            if (skipped[i] || parentKey[i] == NONE) {
                continue;
            }
            int p = (int) index.get(parentKey[i]);
            if (p >= 0 && thread[p] == thread[i] && !skipped[p]) {
                parent[i] = p;
                continue;
            }
            long row = imported.get(parentKey[i]);
            if (row > 0) {
                CommentTransfer.Position position = known.computeIfAbsent(row, positions::apply);
                if (position != null && position.threadId() == threadRow.applyAsLong(thread[i])) {
                    parentRow[i] = row;
                    continue;
                }
            }
            if (!complete && p < 0) {
                deferred[i] = true;
            } else {
                report.missingParents++;
            }
        }
        // depth and effective parents, top-down along each chain (a loop of parents is cut where it closes)
        depth = new byte[n];
        effectiveParent = new int[n];
        Arrays.fill(depth, (byte) -1);
        int[] chain = new int[64];
        for (int i = 0; i < n; i++) {
            if (skipped[i] || depth[i] >= 0) {
                continue;
            }
            int length = 0;
            int at = i;
            while (at >= 0 && depth[at] < 0 && !skipped[at]) {
                if (length == chain.length) {
                    chain = Arrays.copyOf(chain, length * 2);
                }
                depth[at] = -2; // on the chain
                chain[length++] = at;
                int up = parent[at];
                if (up >= 0 && depth[up] == -2) {
                    parent[at] = -1; // a loop: cut here
                    report.missingParents++;
                    up = -1;
                }
                at = up;
            }
            for (int c = length - 1; c >= 0; c--) {
                int node = chain[c];
                int up = parent[node];
                if (deferred[node] || (up >= 0 && deferred[up])) {
                    deferred[node] = true;
                    depth[node] = 0;
                    effectiveParent[node] = -1;
                    continue;
                }
                if (up < 0) {
                    effectiveParent[node] = -1;
                    long row = parentRow[node];
                    if (row == 0) {
                        depth[node] = 0;
                    } else {
                        CommentTransfer.Position position = known.get(row);
                        if (position.depth() >= MAX_DEPTH) {
                            position = ancestorAtDepth(position, MAX_DEPTH - 1);
                            report.reattached++;
                        }
                        external.put(node, position);
                        depth[node] = (byte) (position.depth() + 1);
                    }
                } else if (depth[up] >= MAX_DEPTH) {
                    // deeper than the limit: a sibling of its parent, at the deepest level
                    int grand = effectiveParent[up];
                    effectiveParent[node] = grand;
                    depth[node] = (byte) MAX_DEPTH;
                    if (grand < 0) {
                        external.put(node, external.get(up));
                    }
                    report.reattached++;
                } else {
                    effectiveParent[node] = up;
                    depth[node] = (byte) (depth[up] + 1);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (deferred[i] && !skipped[i]) {
                skipped[i] = true;
                report.deferred++;
            }
        }
        // by depth: top-down for times and groups, bottom-up for what is kept and the reply counts
        int[] byDepth = byDepth(n, skipped);
        effectiveTime = new long[n];
        top = new int[n];
        for (int i : byDepth) {
            int up = effectiveParent[i];
            effectiveTime[i] = up < 0 ? created[i] : Math.max(created[i], effectiveTime[up]);
            top[i] = up < 0 ? i : top[up];
        }
        kept = new boolean[n];
        replies = new int[n];
        int[] keptReplies = new int[n];
        for (int d = byDepth.length - 1; d >= 0; d--) {
            int i = byDepth[d];
            kept[i] = !tombstone(i) || keptReplies[i] > 0;
            int up = effectiveParent[i];
            if (!kept[i]) {
                report.skip(state(i) == Source.State.PINGBACK ? "a pingback or trackback" : "deleted, with no replies");
                continue;
            }
            if (up >= 0) {
                keptReplies[up]++;
                if (listed(i)) {
                    replies[up]++;
                }
            }
        }
        order = new int[n];
        ordered = 0;
        for (int i : byDepth) {
            if (kept[i]) {
                order[ordered++] = i;
            }
        }
        IntSort.sort(order, ordered, (a, b) -> {
            int c = Integer.compare(thread[a], thread[b]);
            if (c != 0) {
                return c;
            }
            int ta = top[a];
            int tb = top[b];
            if (ta != tb) {
                c = Long.compare(effectiveTime[ta], effectiveTime[tb]);
                return c != 0 ? c : Integer.compare(ta, tb);
            }
            c = Long.compare(effectiveTime[a], effectiveTime[b]);
            if (c != 0) {
                return c;
            }
            c = Integer.compare(depth[a], depth[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
    }

    /** The ancestor at a depth, read from the path's keys (each 12 hex digits; the root has none). */
    static CommentTransfer.Position ancestorAtDepth(CommentTransfer.Position position, int level) {
        String path = position.path().substring(0, level * 12);
        long id = Long.parseLong(path.substring((level - 1) * 12), 16);
        return new CommentTransfer.Position(id, position.threadId(), position.rootId(), level, path, true);
    }

    private int[] byDepth(int n, boolean[] skipped) {
        int[] counts = new int[MAX_DEPTH + 2];
        int total = 0;
        for (int i = 0; i < n; i++) {
            if (!skipped[i]) {
                counts[depth[i] + 1]++;
                total++;
            }
        }
        for (int d = 1; d < counts.length; d++) {
            counts[d] += counts[d - 1];
        }
        int[] sorted = new int[total];
        for (int i = 0; i < n; i++) {
            if (!skipped[i]) {
                sorted[counts[depth[i]]++] = i;
            }
        }
        return sorted;
    }

    private void grow() {
        int capacity = key.length * 2;
        key = Arrays.copyOf(key, capacity);
        parentKey = Arrays.copyOf(parentKey, capacity);
        thread = Arrays.copyOf(thread, capacity);
        created = Arrays.copyOf(created, capacity);
        state = Arrays.copyOf(state, capacity);
        author = Arrays.copyOf(author, capacity);
        spillAt = Arrays.copyOf(spillAt, capacity);
    }

    void close() {
        spill.close();
    }

    /** What an import did and did not do, for the summary and the audit entry. */
    static final class Report {
        int threadsCreated;
        int threadsJoined;
        int threadsLocked;
        long commentsWritten;
        /** What a dry run would write. */
        long planned;
        long tombstones;
        long removedAsSpam;
        long held;
        long alreadyImported;
        long missingParents;
        long reattached;
        long deferred;
        int accountsCreated;
        final Map<String, Long> skipped = new LinkedHashMap<>();

        void skip(String reason) {
            skipped.merge(reason, 1L, Long::sum);
        }

        long skippedTotal() {
            return skipped.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
