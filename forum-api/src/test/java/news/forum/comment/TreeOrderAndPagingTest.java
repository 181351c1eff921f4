package news.forum.comment;

import news.forum.moderation.RemovalRequest;
import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static news.forum.web.PublicIds.Kind.COMMENT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated thread of a few thousand comments with random nesting, votes, deletions by their authors and removals
 * by a moderator, read page by page in every sort and several page sizes, must come back exactly in tree order: every
 * visible comment once, each parent before its replies, replies oldest first, top-level comments in the chosen order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TreeOrderAndPagingTest extends ApiTestBase {

    private static final int COMMENTS = 2_500;

    /** What the test itself knows about each comment it made. */
    private record Made(long id, Long parentId, int depth) {
    }

    private final Map<Long, Made> made = new HashMap<>();
    private final Map<Long, Integer> scores = new HashMap<>();
    private final Map<Long, Api.Session> authors = new HashMap<>();
    private final Set<Long> deleted = new HashSet<>();
    private final Set<Long> removed = new HashSet<>();
    private final List<Long> ids = new ArrayList<>();
    private String thread;

    @BeforeEach
    void generateOnce() {
        if (thread != null) {
            return;
        }
        Random random = new Random(20121004);
        thread = api.newThread();
        List<Api.Session> writers = List.of(api.newUser(), api.newUser(), api.newUser(), api.newUser());
        // the tree is drawn first, then written by four clients at once, each reply once its parent is stored
        int[] parentOf = new int[COMMENTS];
        int[] depthOf = new int[COMMENTS];
        int[] writerOf = new int[COMMENTS];
        for (int i = 0; i < COMMENTS; i++) {
            parentOf[i] = -1;
            if (i > 0 && random.nextInt(100) >= 12) {
                // favour recent comments so that some branches grow deep
                int index = random.nextBoolean() ? i - 1 - random.nextInt(Math.min(i, 20)) : random.nextInt(i);
                if (depthOf[index] < 20) {
                    parentOf[i] = index;
                    depthOf[i] = depthOf[index] + 1;
                }
            }
            writerOf[i] = random.nextInt(writers.size());
        }
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Long>> stored = new ArrayList<>();
            for (int i = 0; i < COMMENTS; i++) {
                int comment = i;
                CompletableFuture<Long> parent = parentOf[i] < 0 ? CompletableFuture.completedFuture(null)
                        : stored.get(parentOf[i]);
                stored.add(parent.thenApplyAsync(parentId -> db.rowId(api.postComment(thread,
                        writers.get(writerOf[comment]).token(), "comment " + comment,
                        parentId == null ? null : publicIds.format(COMMENT, parentId)).expectStatus(201).path("id")), clients));
            }
            for (int i = 0; i < COMMENTS; i++) {
                long id = stored.get(i).join();
                Long parentId = parentOf[i] < 0 ? null : ids.get(parentOf[i]);
                made.put(id, new Made(id, parentId, depthOf[i]));
                authors.put(id, writers.get(writerOf[i]));
                ids.add(id);
            }
        } finally {
            clients.shutdownNow();
        }
        List<Long> roots = ids.stream().filter(id -> made.get(id).parentId() == null).toList();
        List<Api.Session> voters = List.of(api.newUser(), api.newUser(), api.newUser());
        for (int v = 0; v < 60; v++) {
            long root = roots.get(random.nextInt(roots.size()));
            Api.Session voter = voters.get(random.nextInt(voters.size()));
            VoteRequest vote = new VoteRequest(BigDecimal.valueOf(random.nextBoolean() ? 1 : -1));
            int score = ((Number) api.send(voter, c -> c.vote(publicIds.format(COMMENT, root), vote)).expectStatus(200)
                    .path("score")).intValue();
            scores.put(root, score);
        }
        // their authors delete some comments: leaves disappear, those with replies stay as tombstones
        for (int d = 0; d < 120; d++) {
            long victim = ids.get(random.nextInt(ids.size()));
            if (deleted.add(victim)) {
                api.send(authors.get(victim).token(), c -> c.delete(publicIds.format(COMMENT, victim))).expectStatus(204);
            }
        }
        // a moderator removes others: each stays in its place as a placeholder, out of the thread's count
        String moderator = api.admin().token();
        for (int r = 0; r < 60; r++) {
            long victim = ids.get(random.nextInt(ids.size()));
            if (!deleted.contains(victim) && removed.add(victim)) {
                RemovalRequest reason = new RemovalRequest("rule " + r);
                api.send(moderator, c -> c.remove(publicIds.format(COMMENT, victim), reason)).expectStatus(200);
            }
        }
    }

    @ParameterizedTest(name = "{0} sort, {1} per page")
    @CsvSource({"oldest, 37", "oldest, 200", "newest, 1", "newest, 50", "top, 13", "top, 200"})
    void everyPageContinuesTheTreeOrderExactly(String sort, int limit) {
        List<Map<String, Object>> read = api.readAll(thread, sort, limit);

        List<Long> expected = expectedOrder(sort);
        assertThat(read).extracting(c -> db.rowId((String) c.get("id"))).containsExactlyElementsOf(expected);
        for (Map<String, Object> comment : read) {
            Made known = made.get(db.rowId((String) comment.get("id")));
            assertThat(comment.get("parentId")).isEqualTo(known.parentId() == null ? null : publicIds.format(COMMENT, known.parentId()));
            assertThat(((Number) comment.get("depth")).intValue()).isEqualTo(known.depth());
            assertThat(comment.get("deleted")).isEqualTo(deleted.contains(known.id()) || removed.contains(known.id()));
            assertThat(comment.get("status")).isEqualTo(deleted.contains(known.id()) ? "deleted"
                    : removed.contains(known.id()) ? "removed" : "published");
        }
    }

    @Test
    void theThreadCountsItsLiveCommentsAndEachCommentItsVisibleReplies() {
        List<Long> visible = expectedOrder("oldest");
        long live = visible.stream().filter(id -> !deleted.contains(id) && !removed.contains(id)).count();
        assertThat(((Number) api.send(c -> c.thread(thread)).path("commentCount")).longValue()).isEqualTo(live);
        Map<Long, Integer> visibleReplies = new HashMap<>();
        for (long id : visible) {
            Long parent = made.get(id).parentId();
            if (parent != null) {
                visibleReplies.merge(parent, 1, Integer::sum);
            }
        }
        for (Map<String, Object> comment : api.readAll(thread, "oldest", 200)) {
            long id = db.rowId((String) comment.get("id"));
            assertThat(((Number) comment.get("replyCount")).intValue()).as("replies of %s", id)
                    .isEqualTo(visibleReplies.getOrDefault(id, 0));
        }
    }

    /** The order the API promises, computed from what the test made. */
    private List<Long> expectedOrder(String sort) {
        Map<Long, List<Long>> children = new HashMap<>();
        List<Long> roots = new ArrayList<>();
        made.values().stream().sorted(Comparator.comparingLong(Made::id)).forEach(c -> {
            if (c.parentId() == null) {
                roots.add(c.id());
            } else {
                children.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c.id());
            }
        });
        Comparator<Long> rootOrder = switch (sort) {
            case "oldest" -> Comparator.naturalOrder();
            case "newest" -> Comparator.<Long>naturalOrder().reversed();
            default -> Comparator.<Long>comparingInt(id -> scores.getOrDefault(id, 0)).reversed()
                    .thenComparing(Comparator.<Long>naturalOrder().reversed());
        };
        roots.sort(rootOrder);
        List<Long> order = new ArrayList<>();
        for (long root : roots) {
            walk(root, children, order);
        }
        return order;
    }

    /** Preorder; a deleted comment shows only while some reply below it shows. */
    private boolean walk(long id, Map<Long, List<Long>> children, List<Long> order) {
        int at = order.size();
        order.add(id);
        boolean anyChildShown = false;
        for (long child : children.getOrDefault(id, List.of())) {
            anyChildShown |= walk(child, children, order);
        }
        if (deleted.contains(id) && !anyChildShown) {
            order.subList(at, order.size()).clear();
            return false;
        }
        return true;
    }
}
