package news.forum.support;

import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scan every error response goes through must be able to fail: it is checked here on bodies that leak. */
class ErrorBodyScanTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();

    @Test
    void anErrorBodyWithAStackTraceSqlOrClassNameFailsTheTestThatReceivedIt() {
        List<String> leaking = List.of(
                "{\"detail\":\"java.lang.NullPointerException: boom\"}",
                "{\"detail\":\"Internal error\\n\\tat news.forum.comment.CommentService.post(CommentService.java:42)\"}",
                "java.lang.IllegalStateException\n\tat io.micronaut.http.server.RouteExecutor.handle(RouteExecutor.java:1)",
                "{\"detail\":\"ERROR: syntax error at or near \\\"DROP\\\"\"}",
                "{\"detail\":\"org.postgresql.util.PSQLException: duplicate key\"}",
                "{\"detail\":\"SQLState: 23505\"}",
                "{\"detail\":\"SELECT id FROM comment WHERE thread_id = ?\"}",
                "{\"detail\":\"Failed to convert argument [limit] to io.micronaut.core.type.Argument\"}",
                "{\"detail\":\"at com.example.Foo.bar(Foo.java:1)\"}",
                "{\"detail\":\"relation \\\"comment\\\" does not exist\"}");
        for (String body : leaking) {
            assertThat(Response.leak(body)).as(body).isPresent();
            assertThatThrownBy(() -> new Response(500, Map.of(), body, JSON)).as(body)
                    .isInstanceOf(AssertionError.class).hasMessageContaining("internal detail");
        }
    }

    @Test
    void cleanProblemsAndSuccessfulBodiesPass() {
        String problem = "{\"type\":\"/problems/invalid-cursor\",\"title\":\"Invalid cursor\",\"status\":400,"
                + "\"detail\":\"The cursor is not one this thread's listing gave out for this sort; start again without it.\"}";
        assertThat(Response.leak(problem)).isEmpty();
        assertThat(new Response(400, Map.of(), problem, JSON).status()).isEqualTo(400);
        // a comment may quote anything; only error bodies are scanned
        assertThat(new Response(200, Map.of(), "{\"bodyHtml\":\"java.lang.Exception at news.forum.X\"}", JSON).status())
                .isEqualTo(200);
    }
}
