package news.forum.comment;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import news.forum.web.PublicIds;
import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated thread of a few thousand comments with random nesting, votes, deletions by their authors and removals
 * by a moderator, read page by page in every sort and several page sizes, must come back exactly in tree order: every
 * visible comment once, each parent before its replies, replies oldest first, top-level comments in the chosen order.
 */
@MicronautTest(transactional = false)
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
    private String thread;

    @BeforeEach
    void generateOnce() {
        if (thread != null) {
            return;
        }
        Random random = new Random(20121004);
        thread = api.newThread();
        List<Api.Session> writers = List.of(api.newUser(), api.newUser(), api.newUser(), api.newUser());
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < COMMENTS; i++) {
            Made parent = null;
            if (!ids.isEmpty() && random.nextInt(100) >= 12) {
                // favour recent comments so that some branches grow deep
                int index = random.nextBoolean() ? ids.size() - 1 - random.nextInt(Math.min(ids.size(), 20))
                        : random.nextInt(ids.size());
                parent = made.get(ids.get(index));
                if (parent.depth() >= 20) {
                    parent = null;
                }
            }
            Api.Session writer = writers.get(random.nextInt(writers.size()));
            var posted = api.postComment(thread, writer.token(), "comment " + i,
                    parent == null ? null : publicIds.format(PublicIds.Kind.COMMENT, parent.id())).expectStatus(201);
            long id = db.rowId(posted.path("id"));
            made.put(id, new Made(id, parent == null ? null : parent.id(), parent == null ? 0 : parent.depth() + 1));
            authors.put(id, writer);
            ids.add(id);
        }
        List<Long> roots = ids.stream().filter(id -> made.get(id).parentId() == null).toList();
        List<Api.Session> voters = List.of(api.newUser(), api.newUser(), api.newUser());
        for (int v = 0; v < 60; v++) {
            long root = roots.get(random.nextInt(roots.size()));
            Api.Session voter = voters.get(random.nextInt(voters.size()));
            int score = ((Number) api.put("/api/v1/comments/" + publicIds.format(PublicIds.Kind.COMMENT, root) + "/vote", voter.token(),
                    Map.of("value", random.nextBoolean() ? 1 : -1)).expectStatus(200).path("score")).intValue();
            scores.put(root, score);
        }
        // their authors delete some comments: leaves disappear, those with replies stay as tombstones
        for (int d = 0; d < 120; d++) {
            long victim = ids.get(random.nextInt(ids.size()));
            if (deleted.add(victim)) {
                api.delete("/api/v1/comments/" + publicIds.format(PublicIds.Kind.COMMENT, victim), authors.get(victim).token()).expectStatus(204);
            }
        }
        // a moderator removes others: each stays in its place as a placeholder, out of the thread's count
        String moderator = api.admin().token();
        for (int r = 0; r < 60; r++) {
            long victim = ids.get(random.nextInt(ids.size()));
            if (!deleted.contains(victim) && removed.add(victim)) {
                api.put("/api/v1/comments/" + publicIds.format(PublicIds.Kind.COMMENT, victim) + "/removal", moderator,
                        Map.of("reason", "rule " + r)).expectStatus(200);
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
            assertThat(comment.get("parentId")).isEqualTo(known.parentId() == null ? null : publicIds.format(PublicIds.Kind.COMMENT, known.parentId()));
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
        assertThat(((Number) api.get("/api/v1/threads/" + thread).path("commentCount")).longValue()).isEqualTo(live);
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
