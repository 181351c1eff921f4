package news.forum.live;

import news.forum.comment.EditCommentRequest;
import news.forum.moderation.RemovalRequest;
import news.forum.support.Api;
import news.forum.support.EventStream;
import news.forum.support.ForumClient;
import news.forum.support.Response;
import news.forum.support.ThreadTestBase;
import news.forum.thread.LockRequest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadEventsTest extends ThreadTestBase {

    @Test
    void eventsArriveInOrderCarryingTheCommentOrThreadAsTheApiShowsIt() throws IOException {
        Api.Session moderator = api.newModerator();
        Api.Session replier = api.newUser();
        // as a browser asks: a compressed stream would hold its small events back
        try (EventStream stream = EventStream.open(api.base(), EventStream.path(thread),
                "Accept-Encoding", "gzip, deflate, br").awaitOpen()) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
            assertThat(stream.header("Content-Encoding")).isNull();
            assertThat(stream.header("Cache-Control")).isEqualTo("no-store");

            String first = api.postComment(thread, reader.token(), "First **words**", null).expectStatus(201).path("id");
            expect(stream.next(), "comment.created", c -> c.comment(first));

            String reply = api.postComment(thread, replier.token(), "A reply", first).expectStatus(201).path("id");
            expect(stream.next(), "comment.created", c -> c.comment(reply));

            api.send(reader.token(), c -> c.edit(first, new EditCommentRequest("First words, edited")))
                    .expectStatus(200);
            expect(stream.next(), "comment.updated", c -> c.comment(first));

            api.send(reader.token(), c -> c.delete(first)).expectStatus(204);
            EventStream.Received deleted = stream.next();
            assertThat(deleted.name()).isEqualTo("comment.deleted");
            // a tombstone holding its reply: as a page shows it, with neither author nor text
            assertThat(json(deleted.data())).isEqualTo(api.send(c -> c.comment(first)).expectStatus(200).json());
            assertThat(json(deleted.data())).containsEntry("deleted", true).containsEntry("bodyHtml", null)
                    .containsEntry("author", null);

            api.send(moderator.token(), c -> c.lock(thread, new LockRequest("Legal review", null)))
                    .expectStatus(200);
            expect(stream.next(), "thread.locked", c -> c.thread(thread));
            api.send(moderator.token(), c -> c.unlock(thread)).expectStatus(200);
            expect(stream.next(), "thread.unlocked", c -> c.thread(thread));
            api.send(moderator.token(), c -> c.unlock(thread)).expectStatus(200);
            api.postComment(thread, reader.token(), "after the unlock", null).expectStatus(201);
            // an unlock that changed nothing published nothing: the next event is the new comment
            assertThat(stream.next().name()).isEqualTo("comment.created");
        }
        try (EventStream replay = EventStream.open(api.base(), EventStream.path(thread, "0")).awaitOpen()) {
            // ids count the thread's changes in commit order; replayed now, the edit of the since deleted comment
            // (3) is left out, as its text is gone
            assertThat(replay.next(6)).extracting(e -> Long.parseLong(e.id())).containsExactly(1L, 2L, 4L, 5L, 6L, 7L);
        }
    }

    @Test
    void aClientReconnectingWithLastEventIdGetsEveryEventItMissedInOrder() {
        long seen = ((Number) api.send(c -> c.thread(thread)).path("lastEventId")).longValue();
        String a = api.postComment(thread, reader.token(), "missed one", null).expectStatus(201).path("id");
        String b = api.postComment(thread, reader.token(), "missed two", a).expectStatus(201).path("id");
        String c = api.postComment(thread, reader.token(), "missed three", null).expectStatus(201).path("id");

        try (EventStream stream = EventStream.open(api.base(), EventStream.path(thread),
                "Last-Event-ID", Long.toString(seen))) {
            List<EventStream.Received> replayed = stream.awaitOpen().next(3);
            assertThat(replayed).extracting(EventStream.Received::name).containsOnly("comment.created");
            assertThat(replayed).extracting(e -> json(e.data()).get("id")).containsExactly(a, b, c);
            assertThat(replayed).extracting(e -> Long.parseLong(e.id())).containsExactly(seen + 1, seen + 2, seen + 3);

            String d = api.postComment(thread, reader.token(), "live again", null).expectStatus(201).path("id");
            assertThat(json(stream.next().data()).get("id")).as("then live").isEqualTo(d);
        }
        // the thread view's lastEventId, given as ?after=, replays the same way (a page read, then subscribe)
        try (EventStream stream = EventStream.open(api.base(), EventStream.path(thread, Long.toString(seen + 2)))) {
            assertThat(json(stream.awaitOpen().next().data()).get("id")).isEqualTo(c);
        }
    }

    @Test
    void aClientThatMissedPrunedEventsIsToldToReload() throws InterruptedException {
        long seen = ((Number) api.send(c -> c.thread(thread)).path("lastEventId")).longValue();
        api.postComment(thread, reader.token(), "long ago", null).expectStatus(201);
        api.postComment(thread, reader.token(), "also long ago", null).expectStatus(201);
        long rowId = db.rowId(thread);
        db.update("UPDATE thread_event SET created_at = now() - interval '2 days' WHERE thread_id = ?", rowId);
        assertThat(bean(OutboxPruner.class).prune()).isGreaterThanOrEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM thread_event WHERE thread_id = ?", rowId)).isZero();

        try (EventStream stream = EventStream.open(api.base(), EventStream.path(thread),
                "Last-Event-ID", Long.toString(seen))) {
            assertThat(stream.next().name()).isEqualTo("reload");
            assertThat(stream.awaitEnd()).as("the stream ends after the reload hint").isTrue();
        }
        // an id this server never gave is no place to continue from either
        try (EventStream stream = EventStream.open(api.base(), EventStream.path(thread), "Last-Event-ID", "99999")) {
            assertThat(stream.next().name()).isEqualTo("reload");
        }
        try (EventStream stream = EventStream.open(api.base(), EventStream.path(thread), "Last-Event-ID", "not-an-id")) {
            assertThat(stream.next().name()).isEqualTo("reload");
        }
        // one that is up to date just goes on
        long now = ((Number) api.send(c -> c.thread(thread)).path("lastEventId")).longValue();
        try (EventStream stream = EventStream.open(api.base(), EventStream.path(thread),
                "Last-Event-ID", Long.toString(now)).awaitOpen()) {
            api.postComment(thread, reader.token(), "new", null).expectStatus(201);
            assertThat(stream.next().id()).isEqualTo(Long.toString(now + 1));
        }
    }

    @Test
    void deletedTextIsNeverOnTheStreamNotEvenInAReplay() {
        long seen = ((Number) api.send(c -> c.thread(thread)).path("lastEventId")).longValue();
        Api.Session other = api.newUser();
        String leaf = api.postComment(thread, reader.token(), "SECRET-LEAF regretted at once", null)
                .expectStatus(201).path("id");
        String parent = api.postComment(thread, reader.token(), "SECRET-PARENT regretted later", null)
                .expectStatus(201).path("id");
        api.postComment(thread, other.token(), "an innocent reply", parent).expectStatus(201);
        api.send(reader.token(), c -> c.edit(parent, new EditCommentRequest("SECRET-EDIT"))).expectStatus(200);
        api.send(reader.token(), c -> c.delete(leaf)).expectStatus(204);
        api.send(reader.token(), c -> c.delete(parent)).expectStatus(204);

        try (EventStream stream = EventStream.open(api.base(), EventStream.path(thread),
                "Last-Event-ID", Long.toString(seen))) {
            // the deleted leaf's creation and the tombstone's edit are not replayed; the deletions are, without text
            List<EventStream.Received> replayed = stream.awaitOpen().next(4);
            assertThat(replayed).extracting(EventStream.Received::name)
                    .containsExactly("comment.created", "comment.created", "comment.deleted", "comment.deleted");
            assertThat(json(replayed.get(0).data())).containsEntry("id", parent).containsEntry("deleted", true);
            assertThat(json(replayed.get(2).data())).containsEntry("id", leaf).containsEntry("bodyHtml", null);
            api.postComment(thread, other.token(), "the end", null).expectStatus(201);
            assertThat(json(stream.next().data()).get("bodyHtml")).isEqualTo("<p>the end</p>");
            assertThat(stream.raw()).doesNotContain("SECRET").doesNotContain(reader.username());
        }
    }

    @Test
    void aRemovalIsPublishedWithoutTheTextWhateverTheRowStillHolds() {
        String comment = api.postComment(thread, reader.token(), "SECRET-RULE-BREAKER text", null)
                .expectStatus(201).path("id");
        try (EventStream stream = EventStream.open(api.base(), EventStream.path(thread)).awaitOpen()) {
            // as moderation publishes a removal: the row may keep its text for the moderators
            transactions().executeWrite(status -> {
                bean(ThreadEvents.class).commentRemoved(db.rowId(thread), db.rowId(comment));
                return null;
            });
            EventStream.Received removed = stream.next();
            assertThat(removed.name()).isEqualTo("comment.removed");
            assertThat(json(removed.data())).containsEntry("id", comment).containsEntry("deleted", true)
                    .containsEntry("bodyHtml", null).containsEntry("author", null);
            assertThat(stream.raw()).doesNotContain("SECRET");
        }
    }

    @Test
    void moderationIsLiveAHeldCommentOnlyOnceApprovedARemovalWithItsReasonButNotItsText() {
        Api.Session moderator = api.newModerator();
        String published = api.postComment(thread, reader.token(), "SECRET-ORIGINAL words", null)
                .expectStatus(201).path("id");
        try (EventStream stream = EventStream.open(api.base(), EventStream.path(thread)).awaitOpen()) {
            api.call(c -> c.moderation(thread, null)).token(moderator.token()).body(Map.of("premoderation", "all")).send()
                    .expectStatus(200);
            String held = api.postComment(thread, api.newUser().token(), "HELD-TEXT waiting", null)
                    .expectStatus(202).path("id");
            api.send(moderator.token(), c -> c.remove(published, new RemovalRequest("off topic")))
                    .expectStatus(200);

            EventStream.Received removed = stream.next();
            assertThat(removed.name()).as("the held comment made no event").isEqualTo("comment.removed");
            assertThat(json(removed.data())).containsEntry("id", published).containsEntry("status", "removed")
                    .containsEntry("bodyHtml", null);
            assertThat(((Map<?, ?>) json(removed.data()).get("removal")).get("reason")).isEqualTo("off topic");

            api.send(moderator.token(), c -> c.approve(held)).expectStatus(200);
            EventStream.Received approved = stream.next();
            assertThat(approved.name()).isEqualTo("comment.created");
            assertThat(json(approved.data())).containsEntry("id", held).containsEntry("status", "published");
            assertThat(stream.raw()).doesNotContain("SECRET-ORIGINAL");
        }
    }

    @Test
    void anUnknownThreadIs404AndABadCursorIs400() {
        Response unknown = api.send(c -> c.events("AAAAAAAAAAA", null, null));
        assertProblem(unknown, 404);
        assertProblem(api.send(c -> c.events("42", null, null)), 404);
        assertProblem(api.send(c -> c.events(thread, null, "-1")), 400);
        assertProblem(api.send(c -> c.events(thread, null, "1' OR 1=1")), 400);
    }

    private void expect(EventStream.Received event, String name, Consumer<ForumClient> view) {
        assertThat(event.name()).isEqualTo(name);
        assertThat(json(event.data())).as(event.toString()).isEqualTo(api.send(view).expectStatus(200).json());
        assertThat(event.id()).matches("\\d+");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> json(String data) {
        try {
            return jsonMapper.readValue(data, Map.class);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
