package news.forum.web;

import news.forum.comment.EditCommentRequest;
import news.forum.comment.VoteRequest;
import news.forum.moderation.FlagRequest;
import news.forum.moderation.RemovalRequest;
import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.Response;
import news.forum.support.WholeDatabase;
import news.forum.thread.LockRequest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ids reveal no counts: a comment, thread or account id (and a cursor) gives away neither the row id behind it
 * nor how many rows came before, and an id nobody was given names nothing; nor does an id of one kind name a row
 * of another that has the same row id. The class moves the id sequences on and compares the whole database, so it
 * runs alone.
 */
@WholeDatabase
class PublicIdTest extends ApiTestBase {

    private static final String PUBLIC_ID = "[A-Za-z0-9_-]{11}";

    @Test
    void idsOfThingsMadeOneAfterAnotherAreNeitherNumbersNorInOrder() {
        Api.Session first = api.newUser();
        Api.Session second = api.newUser();
        String thread = api.newThread();
        List<String> comments = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            comments.add(api.postComment(thread, first.token(), "comment " + i, null).expectStatus(201).path("id"));
        }

        List<String> all = new ArrayList<>(comments);
        all.addAll(List.of(thread, first.id(), second.id()));
        assertThat(all).allMatch(id -> id.matches(PUBLIC_ID), "11 characters of base64url")
                .noneMatch(id -> id.matches("[0-9]+"));
        assertThat(new HashSet<>(comments)).hasSize(comments.size());
        // consecutive rows: their row ids differ by one, their public ids share nothing and sort in no order
        assertThat(db.rowId(comments.get(1)) - db.rowId(comments.get(0))).isEqualTo(1);
        assertThat(comments).isNotEqualTo(comments.stream().sorted().toList())
                .isNotEqualTo(comments.stream().sorted(java.util.Comparator.reverseOrder()).toList());
        int sharedPrefix = 0;
        for (int i = 1; i < comments.size(); i++) {
            sharedPrefix = Math.max(sharedPrefix, commonPrefix(comments.get(i - 1), comments.get(i)));
        }
        assertThat(sharedPrefix).as("longest prefix two consecutive ids share").isLessThan(4);
    }

    @Test
    void theAccessTokenNamesTheAccountByItsPublicId() {
        Api.Session reader = api.newUser();
        String payload = new String(Base64.getUrlDecoder().decode(reader.token().split("\\.")[1]), StandardCharsets.UTF_8);

        assertThat(payload).contains("\"sub\":\"" + reader.id() + "\"");
        assertThat(payload).doesNotContain("\"sub\":\"" + db.rowId(reader.id()) + "\"");
    }

    @Test
    void aCursorCarriesNoRowId() {
        Api.Session writer = api.newUser();
        String thread = api.newThread();
        String parent = null;
        Set<Long> rows = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            parent = api.postComment(thread, writer.token(), "level " + i, parent).expectStatus(201).path("id");
            rows.add(db.rowId(parent));
        }
        rows.add(db.rowId(thread));

        String after = null;
        int pages = 0;
        do {
            String cursor = after;
            var page = api.send(c -> c.page(thread, "oldest", "1", cursor)).expectStatus(200);
            after = page.path("next");
            if (after != null) {
                String decoded = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.US_ASCII);
                for (long row : rows) {
                    assertThat(decoded).as("cursor %s", decoded)
                            .doesNotContain("|" + row + "|")
                            .doesNotContain(String.format("%012x", row));
                }
            }
            pages++;
        } while (after != null && pages < 10);
        assertThat(pages).isEqualTo(6);
    }

    @Test
    void anIdNobodyWasGivenNamesNothing() {
        Api.Session writer = api.newUser();
        String thread = api.newThread();
        String comment = api.postComment(thread, writer.token(), "a real comment", null).expectStatus(201).path("id");
        api.send(c -> c.comment(comment)).expectStatus(200);

        List<String> forged = new ArrayList<>();
        forged.add(Long.toString(db.rowId(comment)));                  // the row id itself
        forged.add(flip(comment, 0));                                    // one character changed
        forged.add(flip(comment, 5));
        forged.add(comment.substring(0, 10) + spareBitsSet(comment.charAt(10))); // same bytes, another spelling
        forged.add("AAAAAAAAAAA");
        forged.add("___________");
        for (String id : forged) {
            assertThat(api.send(c -> c.comment(id)).expectStatus(404).<String>path("type")).as(id).isNotBlank();
        }
        // a cursor naming a root nobody was shown is refused like any forged cursor
        String raw = "o|0|" + flip(comment, 3) + "|";
        String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
        api.send(c -> c.page(thread, "oldest", null, cursor)).expectStatus(400);
    }

    @Test
    void anIdOfOneKindNamesNothingOfAnotherWithTheSameRowId() {
        // the account, the thread and the comment made next all get row id n
        long n = db.count("SELECT greatest(max(last_value), 0) + 1000 FROM pg_sequences WHERE sequencename IN"
                + " (SELECT split_part(pg_get_serial_sequence(t, 'id'), '.', 2) FROM unnest(ARRAY['account', 'thread', 'comment']) t)");
        for (String table : List.of("account", "thread", "comment")) {
            db.count("SELECT setval(pg_get_serial_sequence(?, 'id'), ?)", table, n - 1);
        }
        Api.Session writer = api.newUser();
        String thread = api.newThread();
        String comment = api.postComment(thread, writer.token(), "comment n of thread n by account n", null)
                .expectStatus(201).path("id");
        assertThat(List.of(db.rowId(PublicIds.Kind.ACCOUNT, writer.id()), db.rowId(PublicIds.Kind.THREAD, thread),
                db.rowId(PublicIds.Kind.COMMENT, comment))).containsOnly(n);
        assertThat(Set.of(writer.id(), thread, comment)).hasSize(3);
        api.send(c -> c.comment(comment)).expectStatus(200);
        api.send(c -> c.thread(thread)).expectStatus(200);

        Api.Session moderator = api.newModerator();
        String before = db.snapshot();
        for (String other : List.of(thread, writer.id())) {
            assertProblem(api.send(c -> c.comment(other)), 404);
            assertProblem(api.send(writer, c -> c.edit(other, new EditCommentRequest("edited"))), 404);
            assertProblem(api.send(moderator, c -> c.vote(other, new VoteRequest(BigDecimal.ONE))), 404);
            assertProblem(api.send(moderator, c -> c.flag(other, new FlagRequest("spam", null))), 404);
            assertProblem(api.send(moderator, c -> c.remove(other, new RemovalRequest("x"))), 404);
            assertProblem(api.send(writer, c -> c.delete(other)), 404);
            Response reply = api.postComment(thread, writer.token(), "a reply under " + other, other);
            assertProblem(reply, 422);
            assertThat(reply.<String>path("type")).endsWith("/parent-not-found");
        }
        for (String other : List.of(comment, writer.id())) {
            assertProblem(api.send(c -> c.thread(other)), 404);
            assertProblem(api.send(c -> c.page(other, null, null, null)), 404);
            assertProblem(api.send(c -> c.events(other, null, null)), 404);
            assertProblem(api.send(moderator, c -> c.lock(other, new LockRequest("x", null))), 404);
            assertProblem(api.postComment(other, writer.token(), "a comment in " + other, null), 404);
        }
        assertThat(db.snapshot()).as("refused requests change nothing").isEqualTo(before);
        assertThat(db.count("SELECT count(*) FROM comment_flag WHERE comment_id = ?", n)).isZero();
        assertThat(api.send(c -> c.comment(comment)).expectStatus(200).<String>path("bodyHtml"))
                .contains("comment n of thread n by account n");
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }

    private static String flip(String id, int position) {
        char c = id.charAt(position);
        char replacement = c == 'Q' ? 'R' : 'Q';
        return id.substring(0, position) + replacement + id.substring(position + 1);
    }

    /** The last of 11 base64 characters carries 4 data bits and 2 spare ones; set a spare one. */
    private static char spareBitsSet(char last) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        return alphabet.charAt(alphabet.indexOf(last) | 1);
    }
}
