package news.forum.moderation;

import news.forum.support.Api;
import news.forum.support.Response;
import news.forum.support.WholeDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules that hold a comment (a hold word, too many links) send it through pre-moderation end to end, in a thread
 * with no pre-moderation of its own: 202, in the pending queue with the rule's reason, seen by its author and
 * moderators only, counted nowhere until a moderator approves it.
 */
@WholeDatabase
class RuleHoldEndToEndTest extends ModerationTestBase {

    @AfterEach
    void noRulesLeftForOtherTests() {
        putRules(api.admin().token(), Map.of("reject", List.of(), "hold", List.of())).expectStatus(200);
    }

    @Test
    void aHoldWordInAnySpellingHoldsTheCommentUntilApproved() {
        putRules(api.admin().token(), Map.of("reject", List.of(), "hold", List.of("Zelmirath"))).expectStatus(200);
        String thread = api.newThread();
        Api.Session author = api.newUser();
        Api.Session reader = api.newUser();
        Api.Session moderator = moderator();

        String plain = api.postComment(thread, author.token(), "Ask ZELMIRATH about it", null).expectStatus(202).path("id");
        String fullwidth = api.postComment(thread, author.token(), "Ｚｅｌｍｉｒａｔｈ again", null).expectStatus(202).path("id");
        String accented = api.postComment(thread, author.token(), "and zélmïrath", null).expectStatus(202).path("id");
        api.postComment(thread, author.token(), "a zelmirathian word is not the word", null).expectStatus(201);

        assertThat(listedIds(thread, reader.token())).doesNotContain(plain, fullwidth, accented);
        assertThat(listedIds(thread, null)).doesNotContain(plain, fullwidth, accented);
        assertThat(listedIds(thread, author.token())).contains(plain, fullwidth, accented);
        assertThat(listed(thread, author.token(), plain).get("status")).isEqualTo("pending");
        assertThat(commentCount(thread)).isEqualTo(1);
        Map<String, Object> queued = readQueue("pending", moderator.token()).stream()
                .filter(i -> plain.equals(((Map<?, ?>) i.get("comment")).get("id"))).findFirst().orElseThrow();
        assertThat((String) queued.get("holdReason")).contains("Zelmirath");

        approve(plain, moderator.token()).expectStatus(200);

        assertThat(listedIds(thread, reader.token())).contains(plain).doesNotContain(fullwidth, accented);
        assertThat((String) listed(thread, null, plain).get("bodyHtml")).contains("Ask ZELMIRATH about it");
        assertThat(commentCount(thread)).isEqualTo(2);
    }

    @Test
    void moreLinksThanAllowedHoldTheCommentAndAModeratorIsNotHeld() {
        String thread = api.newThread();
        Api.Session author = api.newUser();
        String three = "see https://a.example/1 and https://b.example/2 and https://c.example/3";
        String four = "see https://a.example/4, https://b.example/5, https://c.example/6 and https://d.example/7";

        api.postComment(thread, author.token(), three, null).expectStatus(201);
        String held = api.postComment(thread, author.token(), four, null).expectStatus(202).path("id");
        assertThat(listedIds(thread, null)).doesNotContain(held);

        putRules(api.admin().token(), Map.of("reject", List.of(), "hold", List.of("Zelmirath"))).expectStatus(200);
        Api.Session moderator = moderator();
        api.postComment(thread, moderator.token(), "A warning about Zelmirath: " + four, null).expectStatus(201);
        assertThat(commentCount(thread)).isEqualTo(2);
    }

    private Response putRules(String token, Object rules) {
        return api.call(c -> c.replaceWordRules(null)).token(token).body(rules).send();
    }
}
