package news.forum.embed;

import io.micronaut.context.annotation.Property;
import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.Response;
import news.forum.support.WholeDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The widget's preview shows what posting would store: the same cleaning (NUL refused, bidi overrides and isolates
 * removed, bodies that show nothing refused), and it has a budget per client address, since each one costs a render.
 */
@WholeDatabase
@Property(name = "forum.throttle.preview.per-address", value = "8")
@Property(name = "forum.throttle.preview.period", value = "1h")
class PreviewApiTest extends ApiTestBase {

    private Response preview(Api.Session reader, String body) {
        return api.send(reader, c -> c.preview(new PreviewRequest(body)));
    }

    @Test
    void thePreviewCleansTextAsPostingDoesAndOneAddressHasABudgetOfPreviews() {
        Api.Session reader = api.newUser();
        String thread = api.newThread();

        Response nul = preview(reader, "before\u0000after");
        assertProblem(nul, 400);
        assertThat(nul.body()).contains("NUL");
        assertProblem(api.postComment(thread, reader.token(), "before\u0000after", null), 400);

        String tricky = "pay \u202Eevil\u202C and \u2066isolated\u2069 text";
        Response shown = preview(reader, tricky);
        shown.expectStatus(200);
        String previewed = shown.path("bodyHtml");
        assertThat(previewed).doesNotContain("\u202E", "\u202C", "\u2066", "\u2069").contains("pay evil and isolated text");
        assertThat((String) api.postComment(thread, reader.token(), tricky, null).expectStatus(201).path("bodyHtml"))
                .isEqualTo(previewed);

        String before = db.snapshot();
        for (String nothing : new String[]{"\u200B\u200B\u200B", "\u2800", "\u3164 \u200B\u2060"}) {
            assertProblem(preview(reader, nothing), 400);
            assertProblem(api.postComment(thread, reader.token(), nothing, null), 400);
        }
        assertThat(db.snapshot()).isEqualTo(before);

        // eight previews an hour from this address here: five are spent above, refused or not
        for (int i = 0; i < 3; i++) {
            preview(reader, "draft " + i).expectStatus(200);
        }
        Response refused = preview(api.newUser(), "one more");
        assertProblem(refused, 429);
        assertThat((String) refused.path("type")).endsWith("/too-many-previews");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
    }
}
