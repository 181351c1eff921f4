package news.forum.moderation;

import io.micronaut.context.annotation.Property;
import news.forum.comment.PostCommentRequest;
import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Posting budgets: 3 comments per account and 6 per client address an hour here. The test client stands in for a
 * reverse proxy on 127.0.0.1 (trusted here) and names the client in X-Forwarded-For; the addresses are made up per
 * test and only ever written into that header.
 */
@Property(name = "forum.throttle.trusted-proxies", value = "127.0.0.1,::1")
@Property(name = "forum.throttle.posting.per-account", value = "3")
@Property(name = "forum.throttle.posting.per-address", value = "6")
@Property(name = "forum.throttle.posting.period", value = "1h")
@Property(name = "forum.throttle.flagging.per-account", value = "2")
@Property(name = "forum.throttle.flagging.period", value = "1h")
class PostingBudgetTest extends ApiTestBase {

    @Test
    void anAccountOverItsBudgetGets429WithRetryAfterWhileAnotherReaderStillPosts() {
        String thread = api.newThread();
        String address = newAddress();
        Api.Session session = api.newUser();
        String reader = session.token();
        for (int i = 0; i < 3; i++) {
            post(thread, reader, "Comment number " + i, address).expectStatus(201);
        }
        // the reader's own: other classes post beside this one
        String byAuthor = "SELECT count(*) FROM comment WHERE author_id = ?";
        long comments = db.count(byAuthor, db.rowId(session.id()));
        Response refused = post(thread, reader, "One too many", address);
        assertProblem(refused, 429);
        assertThat((String) refused.path("type")).endsWith("/too-many-comments");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        assertProblem(post(thread, reader, "Not from another address either", newAddress()), 429);
        assertThat(db.count(byAuthor, db.rowId(session.id()))).isEqualTo(comments);

        post(thread, api.newUser().token(), "Another reader at the same address", address).expectStatus(201);
    }

    @Test
    void anAddressOverItsBudgetGets429WhileOtherAddressesStillPost() {
        String thread = api.newThread();
        String crowded = newAddress();
        for (int reader = 0; reader < 3; reader++) {
            String token = api.newUser().token();
            post(thread, token, "First from reader " + reader, crowded).expectStatus(201);
            post(thread, token, "Second from reader " + reader, crowded).expectStatus(201);
        }
        String newcomer = api.newUser().token();
        Response refused = post(thread, newcomer, "A seventh from one address", crowded);
        assertProblem(refused, 429);
        assertThat((String) refused.path("detail")).contains("network address");
        assertThat(refused.header("Retry-After")).matches("[1-9][0-9]*");

        post(thread, newcomer, "The same reader from home", newAddress()).expectStatus(201);
        post(thread, api.newUser().token(), "Someone else entirely", newAddress()).expectStatus(201);
    }

    @Test
    void aFirstCommentThroughTheEmbedSpendsTheSameBudget() {
        String thread = api.newThread();
        String address = newAddress();
        String reader = api.newUser().token();
        for (int i = 0; i < 3; i++) {
            post(thread, reader, "Comment number " + i, address).expectStatus(201);
        }
        String key = Api.uniqueName("embed-");
        Response refused = api.call(c -> c.postFirst(key, null, null)).token(reader)
                .body(Map.of("body", "From the widget", "title", "T", "url", api.base() + "/demo/x"))
                .header("X-Forwarded-For", address).send();
        assertProblem(refused, 429);
    }

    @Test
    void flaggingHasABudgetOfItsOwn() {
        String thread = api.newThread();
        String address = newAddress();
        List<String> comments = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            comments.add(post(thread, api.newUser().token(), "Flag me " + i, newAddress()).expectStatus(201).path("id"));
        }
        Api.Session flaggerSession = api.newUser();
        String flagger = flaggerSession.token();
        flag(comments.get(0), flagger, address).expectStatus(201);
        flag(comments.get(1), flagger, address).expectStatus(201);
        // the flagger's own: other classes flag beside this one
        String byFlagger = "SELECT count(*) FROM comment_flag WHERE account_id = ?";
        long flags = db.count(byFlagger, db.rowId(flaggerSession.id()));
        Response refused = flag(comments.get(2), flagger, address);
        assertProblem(refused, 429);
        assertThat((String) refused.path("type")).endsWith("/too-many-flags");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(db.count(byFlagger, db.rowId(flaggerSession.id()))).isEqualTo(flags);

        // posting is another budget, and another reader at the same address still flags
        post(thread, flagger, "I can still write", address).expectStatus(201);
        flag(comments.get(2), api.newUser().token(), address).expectStatus(201);
    }

    private Response flag(String comment, String token, String address) {
        return api.call(c -> c.flag(comment, new FlagRequest("spam", null))).token(token)
                .header("X-Forwarded-For", address).send();
    }

    private Response post(String thread, String token, String body, String address) {
        return api.call(c -> c.post(thread, new PostCommentRequest(body, null), null)).token(token)
                .header("X-Forwarded-For", address).send();
    }

    static String newAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}
