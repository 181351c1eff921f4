package news.forum.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import news.forum.comment.CommentView;
import news.forum.web.Problem;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Counts what became of every comment posted, as its author was answered: published ({@code 201}), held for review
 * ({@code 202}), or refused, by the rule that refused it (the problem's type: {@code word-rejected},
 * {@code repeated-comment}, {@code slow-mode}, {@code too-many-posts}, {@code thread-locked}, ...). Counted once the
 * answer is known, so a comment counts only once its transaction has committed, and a refusal by any check (the
 * budget before the rules, the lock at the insert) counts alike.
 */
@ServerFilter(patterns = {"/api/v1/threads/*/comments", "/api/v1/embed/articles/*/comments"}, methods = HttpMethod.POST)
@Requires(beans = MeterRegistry.class)
final class PostingOutcomes {

    static final String POSTED = "forum.comments.posted";
    static final String REFUSED = "forum.comments.refused";
    /** Problem types are the server's own closed set; anything else would be a label no alert knows. */
    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{0,40}");

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    PostingOutcomes(MeterRegistry registry) {
        this.registry = registry;
    }

    @ResponseFilter
    void count(HttpRequest<?> request, MutableHttpResponse<?> response) {
        int status = response.code();
        if (status == 201 || status == 202) {
            boolean reply = response.getBody(CommentView.class).map(comment -> comment.parentId() != null).orElse(false);
            counter(POSTED, "outcome", status == 201 ? "published" : "held", "kind", reply ? "reply" : "top-level").increment();
        } else if (status >= 400) {
            counter(REFUSED, "rule", rule(response), null, null).increment();
        }
    }

    private static String rule(MutableHttpResponse<?> response) {
        String type = response.getBody(Problem.class).map(Problem::type).orElse("");
        String slug = type.substring(type.lastIndexOf('/') + 1);
        return SLUG.matcher(slug).matches() ? slug : "status-" + response.code();
    }

    private Counter counter(String name, String tag, String value, String otherTag, String otherValue) {
        String key = name + '|' + value + '|' + otherValue;
        return counters.computeIfAbsent(key, k -> {
            Counter.Builder builder = Counter.builder(name).tag(tag, value);
            if (otherTag != null) {
                builder.tag(otherTag, otherValue);
            }
            return builder.description(name.equals(POSTED) ? "Comments accepted: published at once, or held for review"
                    : "Comments refused, by the rule that refused them").register(registry);
        });
    }
}
