package news.forum.moderation;

import news.forum.support.ApiTestBase;
import news.forum.support.Response;
import news.forum.support.WholeDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Word rules through the API: who may read and change them, how they are validated, and how a rejecting rule refuses
 * comments whatever their case, width and accents, only as a whole word. (Holding rules answer with the comment
 * held, which pre-moderation brings; their matching is the same and is tested in {@link NewCommentRulesHoldTest}.)
 */
@WholeDatabase
class WordRulesApiTest extends ApiTestBase {

    @AfterEach
    void noRulesLeftForOtherTests() {
        putRules(api.admin().token(), Map.of("reject", List.of(), "hold", List.of())).expectStatus(200);
    }

    @Test
    void onlyModeratorsReadTheRulesAndOnlyAdministratorsChangeThem() {
        Map<String, Object> rules = Map.of("reject", List.of("Blorvath"), "hold", List.of());
        assertProblem(api.send(c -> c.wordRules()), 401);
        assertProblem(api.send(api.newUser().token(), c -> c.wordRules()), 403);
        assertProblem(putRules(null, rules), 401);
        assertProblem(putRules(api.newUser().token(), rules), 403);
        String moderator = api.newModerator().token();
        assertProblem(putRules(moderator, rules), 403);
        assertThat(api.send(moderator, c -> c.wordRules()).expectStatus(200).<List<String>>path("reject")).isEmpty();

        putRules(api.admin().token(), rules).expectStatus(200);
        Response read = api.send(moderator, c -> c.wordRules()).expectStatus(200);
        assertThat(read.<List<String>>path("reject")).containsExactly("Blorvath");
        assertThat(read.<List<String>>path("hold")).isEmpty();
    }

    @Test
    void aChangeIsOneAuditEntryByTheAdministrator() {
        long before = db.count("SELECT count(*) FROM audit_entry WHERE action = 'word-rules.replace'");
        Response changed = putRules(api.admin().token(), Map.of("reject", List.of("Blorvath", "Quenzik"), "hold", List.of("Trumbelo")));
        changed.expectStatus(200);
        assertThat(changed.<List<String>>path("reject")).containsExactlyInAnyOrder("Blorvath", "Quenzik");
        assertThat(changed.<List<String>>path("hold")).containsExactly("Trumbelo");
        assertThat(db.count("SELECT count(*) FROM audit_entry WHERE action = 'word-rules.replace'")).isEqualTo(before + 1);
        long version = ((Number) changed.path("version")).longValue();
        assertThat(db.count("""
                SELECT count(*) FROM audit_entry e JOIN account a ON a.id = e.actor_id
                WHERE e.action = 'word-rules.replace' AND e.target_id = ? AND a.username = 'admin'
                  AND e.reason = '2 reject, 1 hold'""", version)).isEqualTo(1);
    }

    @Test
    void aRejectedWordIsRefusedWith422NamingItWhateverItsCaseWidthOrAccents() {
        putRules(api.admin().token(), Map.of("reject", List.of("Blorvath", "crème brûlée"))).expectStatus(200);
        String thread = api.newThread();
        String reader = api.newUser().token();
        long comments = db.count("SELECT count(*) FROM comment");
        for (String body : List.of("blorvath", "What a BLORVATH!", "Ｂｌｏｒｖａｔｈ in fullwidth", "Blörvath",
                "blor\u00ADvath with a soft hyphen", "(blorvath)")) {
            Response refused = api.postComment(thread, reader, body, null);
            assertProblem(refused, 422);
            assertThat((String) refused.path("type")).endsWith("/word-rejected");
            assertThat((String) refused.path("detail")).as(body).contains("\"Blorvath\"");
        }
        for (String body : List.of("CREME BRULEE again", "crème\n  brûlée", "Crème Brûlée")) {
            Response refused = api.postComment(thread, reader, body, null);
            assertProblem(refused, 422);
            assertThat((String) refused.path("detail")).contains("\"crème brûlée\"");
        }
        assertThat(db.count("SELECT count(*) FROM comment")).as("refused comments are not stored").isEqualTo(comments);
    }

    @Test
    void aRuleMatchesOnlyWholeWords() {
        putRules(api.admin().token(), Map.of("reject", List.of("ass"))).expectStatus(200);
        String thread = api.newThread();
        String reader = api.newUser().token();
        for (String body : List.of("A class of its own", "I assume so", "bass guitar", "passes", "Ａｓｓｅｓｓ")) {
            api.postComment(thread, reader, body, null).expectStatus(201);
        }
        for (String body : List.of("You ass.", "ASS", "ass-backwards", "what an ａｓｓ")) {
            assertProblem(api.postComment(thread, reader, body, null), 422);
        }
    }

    @Test
    void rulesWrittenByAnotherInstanceApplyFromTheNextComment() {
        String thread = api.newThread();
        String reader = api.newUser().token();
        api.postComment(thread, reader, "Snargle is fine today", null).expectStatus(201);
        // what a PUT on another server does to the shared database
        db.update("INSERT INTO word_rule (kind, word) VALUES ('reject', 'Snargle')");
        db.update("UPDATE word_rule_set SET version = version + 1");
        assertProblem(api.postComment(thread, reader, "Snargle is refused now", null), 422);
    }

    @Test
    void invalidRulesAreRefusedAndChangeNothing() {
        String admin = api.admin().token();
        putRules(admin, Map.of("reject", List.of("Blorvath"))).expectStatus(200);
        long version = db.count("SELECT version FROM word_rule_set");
        long audits = db.count("SELECT count(*) FROM audit_entry");

        assertField(putRules(admin, Map.of("reject", List.of("fine", ""))), "reject[1]", "must not be empty");
        assertField(putRules(admin, Map.of("hold", List.of("   "))), "hold[0]", "must not be empty");
        assertField(putRules(admin, Map.of("reject", List.of("x".repeat(101)))), "reject[0]", "at most 100");
        assertField(putRules(admin, Map.of("reject", List.of("!!!"))), "reject[0]", "letter or a digit");
        assertField(putRules(admin, Map.of("reject", List.of("two\nlines"))), "reject[0]", "line break");
        assertField(putRules(admin, Map.of("hold", List.of("nul\u0000"))), "hold[0]", "NUL");
        List<String> tooMany = new ArrayList<>(Collections.nCopies(10_001, "w"));
        assertField(putRules(admin, Map.of("reject", tooMany)), "reject", "at most 10000 words");
        assertProblem(putRules(admin, "{\"reject\": \"not a list\"}"), 400);
        assertProblem(putRules(admin, "{\"reject\": [1, 2]"), 400);

        Response conflict = putRules(admin, Map.of("reject", List.of("Crème"), "hold", List.of("CREME")));
        assertProblem(conflict, 422);
        assertThat((String) conflict.path("type")).endsWith("/word-rule-conflict");
        assertThat((String) conflict.path("detail")).contains("\"CREME\"", "\"Crème\"");

        assertThat(db.count("SELECT version FROM word_rule_set")).isEqualTo(version);
        assertThat(db.count("SELECT count(*) FROM audit_entry")).isEqualTo(audits);
        assertThat(api.send(admin, c -> c.wordRules()).<List<String>>path("reject")).containsExactly("Blorvath");
    }

    @Test
    void wordsThatFoldToOneAreKeptOnceAsFirstWritten() {
        Response stored = putRules(api.admin().token(), Map.of("reject", List.of(" Blorvath ", "BLORVATH", "Ｂｌｏｒｖａｔｈ", "Quenzik")));
        stored.expectStatus(200);
        assertThat(stored.<List<String>>path("reject")).containsExactlyInAnyOrder("Blorvath", "Quenzik");
    }

    @Test
    void aModeratorIsRefusedARejectedWordToo() {
        putRules(api.admin().token(), Map.of("reject", List.of("Blorvath"))).expectStatus(200);
        assertProblem(api.postComment(api.newThread(), api.newModerator().token(), "Blorvath", null), 422);
    }

    private static void assertField(Response response, String field, String message) {
        assertProblem(response, 400);
        List<Map<String, Object>> errors = response.list("errors");
        assertThat(errors).as(response.body()).anySatisfy(error -> {
            assertThat(error.get("field")).isEqualTo(field);
            assertThat((String) error.get("message")).contains(message);
        });
    }

    private Response putRules(String token, Object rules) {
        return api.call(c -> c.replaceWordRules(null)).token(token).body(rules).send();
    }
}
