package news.forum.server;

import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole-site export read back as the rows it holds, and the API's invariants checked against them: every thread's
 * comment count is the number of its published comments, every comment's reply count the number of its listed
 * replies, the tree columns agree with the parents, no source comment is there twice, and no secret left the site.
 */
final class ExportCheck {

    final Map<String, Object> header;
    final Map<String, List<Map<String, Object>>> records = new HashMap<>();

    private ExportCheck(Map<String, Object> header) {
        this.header = header;
    }

    @SuppressWarnings("unchecked")
    static ExportCheck read(Path file) throws IOException {
        JsonMapper json = JsonMapper.createDefault();
        List<String> lines = Files.readAllLines(file);
        ExportCheck check = new ExportCheck(json.readValue(lines.get(0), Map.class));
        for (String line : lines.subList(1, lines.size())) {
            Map<String, Object> record = json.readValue(line, Map.class);
            check.records.computeIfAbsent((String) record.get("type"), type -> new ArrayList<>()).add(record);
        }
        return check;
    }

    List<Map<String, Object>> all(String type) {
        return records.getOrDefault(type, List.of());
    }

    private static long id(Object value) {
        return ((Number) value).longValue();
    }

    private static boolean listed(Map<String, Object> comment) {
        return id(comment.get("reply_count")) > 0
                || (comment.get("deleted_at") == null && !"pending".equals(comment.get("review_state")));
    }

    /** Asserts every invariant; returns the number of comments. */
    int assertConsistent() {
        Map<Long, Map<String, Object>> comments = new HashMap<>();
        for (Map<String, Object> comment : all("comment")) {
            comments.put(id(comment.get("id")), comment);
        }
        Map<Long, Integer> published = new HashMap<>();
        Map<Long, Integer> listedReplies = new HashMap<>();
        for (Map<String, Object> comment : comments.values()) {
            long thread = id(comment.get("thread_id"));
            if (comment.get("deleted_at") == null && comment.get("removed_at") == null && comment.get("review_state") == null) {
                published.merge(thread, 1, Integer::sum);
            }
            Object parentId = comment.get("parent_id");
            int depth = (int) id(comment.get("depth"));
            assertThat(depth).as("depth of %s", comment).isBetween(0, 63);
            if (parentId == null) {
                assertThat(comment.get("root_id")).isEqualTo(comment.get("id"));
                assertThat(comment.get("path")).isEqualTo("");
                assertThat(depth).isZero();
            } else {
                Map<String, Object> parent = comments.get(id(parentId));
                assertThat(parent).as("parent of %s", comment).isNotNull();
                assertThat(id(parentId)).as("a parent before its replies").isLessThan(id(comment.get("id")));
                assertThat(depth).isEqualTo(id(parent.get("depth")) + 1);
                assertThat(comment.get("root_id")).isEqualTo(parent.get("root_id"));
                String key = String.format("%012x", id(comment.get("id")));
                assertThat(comment.get("path")).isEqualTo(parent.get("path") + key);
                if (listed(comment)) {
                    listedReplies.merge(id(parentId), 1, Integer::sum);
                }
            }
        }
        for (Map<String, Object> thread : all("thread")) {
            assertThat(id(thread.get("comment_count"))).as("comment count of thread %s", thread.get("id"))
                    .isEqualTo(published.getOrDefault(id(thread.get("id")), 0).longValue());
        }
        for (Map<String, Object> comment : comments.values()) {
            assertThat(id(comment.get("reply_count"))).as("reply count of %s", comment)
                    .isEqualTo(listedReplies.getOrDefault(id(comment.get("id")), 0).longValue());
        }
        Set<String> sources = new HashSet<>();
        Set<Long> sourced = new HashSet<>();
        for (Map<String, Object> source : all("comment_source")) {
            assertThat(sources.add(source.get("source") + " " + source.get("source_id"))).as("once: %s", source).isTrue();
            assertThat(sourced.add(id(source.get("comment_id")))).as("one source per comment: %s", source).isTrue();
            assertThat(comments).containsKey(id(source.get("comment_id")));
        }
        for (Map<String, Object> account : all("account")) {
            assertThat(account).doesNotContainKeys("password_hash", "token_hash");
        }
        return comments.size();
    }
}
