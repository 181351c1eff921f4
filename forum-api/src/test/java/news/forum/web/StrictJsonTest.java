package news.forum.web;

import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.WholeDatabase;
import news.forum.support.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON a lenient decoder would half understand is refused whole, with a problem naming what is wrong, and nothing is
 * written: content after the value, a key twice, a number or yes/no where text is expected, text, a yes/no or an
 * exponent where a number is expected, overlong or broken UTF-8 (400), and a JSON body with no Content-Type or in a
 * charset other than UTF-8 (415). Checked on posting a comment, editing it, voting on it and registering an account;
 * the same requests written strictly are taken.
 */
@WholeDatabase
class StrictJsonTest extends ApiTestBase {

    private static final String ACCOUNTS = Api.route(c -> c.register(null)).path();

    private Api.Session author;
    private Api.Session voter;
    private String thread;
    private String comment;
    private String comments;
    private String edit;
    private String vote;

    @BeforeEach
    void aCommentWithOneVote() {
        author = api.newUser();
        voter = api.newUser();
        thread = api.newThread();
        comment = api.postComment(thread, author.token(), "the original text", null).expectStatus(201).path("id");
        comments = Api.route(c -> c.post(thread, null, null)).path();
        edit = Api.route(c -> c.edit(comment, null)).path();
        vote = Api.route(c -> c.vote(comment, null)).path();
        api.call(c -> c.vote(comment, null)).token(api.newUser().token()).body(Map.of("value", 1)).send().expectStatus(200);
    }

    @Test
    void trailingContentIsRefused() {
        String username = Api.uniqueName("trail");
        refusedWith400("nothing after it", Map.of(
                "post", new String[]{"POST", comments, "{\"body\":\"x\"} trailing"},
                "post, a second value", new String[]{"POST", comments, "{\"body\":\"x\"} {\"body\":\"y\"}"},
                "edit", new String[]{"PATCH", edit, "{\"body\":\"edited\"} ,"},
                "vote", new String[]{"PUT", vote, "{\"value\":-1} 1"},
                "register", new String[]{"POST", ACCOUNTS,
                        "{\"username\":\"" + username + "\",\"password\":\"" + Api.PASSWORD + "\"}]"}));
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        String username = Api.uniqueName("twice");
        refusedWith400("twice", Map.of(
                "post", new String[]{"POST", comments, "{\"body\":\"first\",\"body\":\"second\"}"},
                "edit", new String[]{"PATCH", edit, "{\"body\":\"first\",\"body\":\"second\"}"},
                "vote", new String[]{"PUT", vote, "{\"value\":-1,\"value\":1}"},
                "register", new String[]{"POST", ACCOUNTS, "{\"username\":\"" + username + "\",\"password\":\""
                        + Api.PASSWORD + "\",\"username\":\"" + username + "x\"}"}));
    }

    @Test
    void aValueOfTheWrongJsonTypeIsRefusedNamingTheMember() {
        Map<String, String[]> requests = new LinkedHashMap<>();
        requests.put("a vote of true", new String[]{"PUT", vote, "{\"value\":true}"});
        requests.put("a vote of \"1\"", new String[]{"PUT", vote, "{\"value\":\"-1\"}"});
        requests.put("a vote of 1e0", new String[]{"PUT", vote, "{\"value\":-1e0}"});
        requests.put("a vote of 1E0", new String[]{"PUT", vote, "{\"value\":-1E0}"});
        requests.put("a body of 123", new String[]{"POST", comments, "{\"body\":123}"});
        requests.put("a body of true", new String[]{"POST", comments, "{\"body\":true}"});
        requests.put("a body of [\"x\"]", new String[]{"POST", comments, "{\"body\":[\"x\"]}"});
        requests.put("an edit of 123", new String[]{"PATCH", edit, "{\"body\":123}"});
        requests.put("an edit of false", new String[]{"PATCH", edit, "{\"body\":false}"});
        requests.put("a password of 12345678901234", new String[]{"POST", ACCOUNTS,
                "{\"username\":\"" + Api.uniqueName("typed") + "\",\"password\":12345678901234}"});
        requests.put("a username of true", new String[]{"POST", ACCOUNTS,
                "{\"username\":true,\"password\":\"" + Api.PASSWORD + "\"}"});
        String before = state();
        for (Map.Entry<String, String[]> request : requests.entrySet()) {
            String[] r = request.getValue();
            Response response = api.send(r[0], r[1], tokenFor(r[1]), "application/json", r[2]);
            assertProblem(response, 400);
            String member = r[2].contains("\"value\"") ? "value" : r[2].contains("\"body\"") ? "body"
                    : r[2].contains(":true") ? "username" : "password";
            assertThat(response.body()).as(request.getKey()).contains(member).doesNotContain("Exception", "io.micronaut");
            assertThat(state()).as(request.getKey()).isEqualTo(before);
        }
    }

    @Test
    void overlongAndBrokenUtf8IsRefused() {
        String before = state();
        byte[][] broken = {
                // \xc0\xaf: "/" in a lenient decoder
                json("{\"body\":\"..", new byte[]{(byte) 0xc0, (byte) 0xaf}, "etc\"}"),
                // \xe0\x80\xaf: "/" again, three bytes long
                json("{\"body\":\"..", new byte[]{(byte) 0xe0, (byte) 0x80, (byte) 0xaf}, "etc\"}"),
                // \xed\xa0\x80: a lone surrogate
                json("{\"body\":\"", new byte[]{(byte) 0xed, (byte) 0xa0, (byte) 0x80}, "\"}"),
                // a byte that starts no sequence
                json("{\"body\":\"", new byte[]{(byte) 0xff}, "\"}")};
        for (byte[] body : broken) {
            for (String[] target : new String[][]{{"POST", comments}, {"PATCH", edit}}) {
                Response response = api.sendBytes(target[0], target[1], author.token(), "application/json", body);
                assertProblem(response, 400);
                assertThat(response.body()).contains("UTF-8");
            }
        }
        byte[] overlongSlashInName = json("{\"username\":\"a", new byte[]{(byte) 0xc0, (byte) 0xaf}, "b\",\"password\":\""
                + Api.PASSWORD + "\"}");
        assertProblem(api.sendBytes("POST", ACCOUNTS, null, "application/json", overlongSlashInName), 400);
        assertThat(state()).isEqualTo(before);
        assertThat(db.count("SELECT count(*) FROM comment WHERE body LIKE '%/%' AND thread_id = ?", db.rowId(thread))).isZero();
    }

    @Test
    void aJsonBodyWithNoContentTypeOrAnotherCharsetIs415() {
        String before = state();
        Map<String, String[]> requests = new LinkedHashMap<>();
        requests.put("post", new String[]{"POST", comments, "{\"body\":\"no type\"}"});
        requests.put("edit", new String[]{"PATCH", edit, "{\"body\":\"no type\"}"});
        requests.put("vote", new String[]{"PUT", vote, "{\"value\":-1}"});
        requests.put("register", new String[]{"POST", ACCOUNTS,
                "{\"username\":\"" + Api.uniqueName("untyped") + "\",\"password\":\"" + Api.PASSWORD + "\"}"});
        for (Map.Entry<String, String[]> request : requests.entrySet()) {
            String[] r = request.getValue();
            Response untyped = api.send(r[0], r[1], tokenFor(r[1]), null, r[2]);
            assertProblem(untyped, 415);
            assertThat(untyped.body()).as(request.getKey()).contains("Content-Type");
            Response latin = api.send(r[0], r[1], tokenFor(r[1]), "application/json; charset=ISO-8859-1", r[2]);
            assertProblem(latin, 415);
            assertThat(latin.body()).as(request.getKey()).contains("UTF-8");
        }
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void theSameRequestsWrittenStrictlyAreTaken() {
        api.send("POST", comments, author.token(), "application/json; charset=utf-8", "{\"body\":\"x\"}  \n").expectStatus(201);
        api.send("POST", comments, author.token(), "application/json", "{\"body\":\"caf\u00e9 \\u00e9 \\/\", \"parentId\": null}")
                .expectStatus(201);
        api.sendBytes("POST", comments, author.token(), "application/json",
                "{\"body\":\"\u00e9\u20ac\ud83d\ude00\"}".getBytes(StandardCharsets.UTF_8)).expectStatus(201);
        api.send("PATCH", edit, author.token(), "application/json", "{\"body\":\"edited strictly\"}").expectStatus(200);
        api.send("PUT", vote, voter.token(), "application/json", "{\"value\":-1}").expectStatus(200);
        api.send("POST", ACCOUNTS, null, "application/json",
                "{\"username\":\"" + Api.uniqueName("strict") + "\",\"password\":\"" + Api.PASSWORD + "\"}").expectStatus(201);
        assertThat(db.count("SELECT count(*) FROM comment WHERE thread_id = ?", db.rowId(thread))).isEqualTo(4);
        assertThat(db.count("SELECT score FROM comment WHERE id = ?", db.rowId(comment))).isZero();
        assertThat(db.count("SELECT count(*) FROM comment WHERE id = ? AND body = 'edited strictly'", db.rowId(comment))).isOne();
        // a decimal written as one passes this check and is refused by the vote's own
        assertProblem(api.send("PUT", vote, voter.token(), "application/json", "{\"value\":0.5}"), 400);
        assertThat(db.count("SELECT score FROM comment WHERE id = ?", db.rowId(comment))).isZero();
    }

    private void refusedWith400(String what, Map<String, String[]> requests) {
        String before = state();
        for (Map.Entry<String, String[]> request : requests.entrySet()) {
            String[] r = request.getValue();
            Response response = api.send(r[0], r[1], tokenFor(r[1]), "application/json", r[2]);
            assertProblem(response, 400);
            assertThat(response.body()).as(request.getKey()).contains(what).doesNotContain("Exception", "io.micronaut");
            assertThat(state()).as(request.getKey()).isEqualTo(before);
        }
    }

    private String tokenFor(String path) {
        return path.endsWith("/vote") ? voter.token() : path.equals(ACCOUNTS) ? null : author.token();
    }

    /** What a refused request must leave as it was: this thread's comments, the comment's text and score, the accounts. */
    private String state() {
        long threadRow = db.rowId(thread);
        long commentRow = db.rowId(comment);
        return "comments=" + db.count("SELECT count(*) FROM comment WHERE thread_id = ?", threadRow)
                + " score=" + db.count("SELECT score FROM comment WHERE id = ?", commentRow)
                + " votes=" + db.count("SELECT count(*) FROM comment_vote WHERE comment_id = ?", commentRow)
                + " original=" + db.count("SELECT count(*) FROM comment WHERE id = ? AND body = 'the original text'"
                        + " AND edited_at IS NULL", commentRow)
                + " accounts=" + db.count("SELECT count(*) FROM account")
                + " " + db.snapshot();
    }

    private static byte[] json(String head, byte[] middle, String tail) {
        byte[] start = head.getBytes(StandardCharsets.UTF_8);
        byte[] end = tail.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[start.length + middle.length + end.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(middle, 0, all, start.length, middle.length);
        System.arraycopy(end, 0, all, start.length + middle.length, end.length);
        return all;
    }
}
