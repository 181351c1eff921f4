package news.forum.live;

import io.micronaut.http.sse.Event;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import news.forum.comment.CommentService;
import news.forum.comment.CommentView;
import news.forum.thread.ThreadRepository;
import news.forum.thread.ThreadView;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns outbox rows into the events clients receive, with the comment or thread as the API shows it now. A created
 * or updated comment that no page lists (held for review, or deleted meanwhile with no replies) is not sent, and a
 * deleted one shows neither author nor text, as on a page; a
 * deleted or removed one is sent without author or text, whatever its row holds.
 */
@Singleton
class EventRenderer {

    /** A rendered event and its id. */
    record LiveEvent(long seq, Event<String> event) {
    }

    /**
     * What one read of the outbox gave: the events to send, the first and last ids read (sent or not), and whether
     * more may follow.
     */
    record Batch(List<LiveEvent> events, long firstSeq, long lastSeq, boolean more) {
        boolean empty() {
            return lastSeq == 0;
        }
    }

    private final EventOutbox outbox;
    private final CommentService comments;
    private final ThreadRepository threads;
    private final JsonMapper json;

    EventRenderer(EventOutbox outbox, CommentService comments, ThreadRepository threads, JsonMapper json) {
        this.outbox = outbox;
        this.comments = comments;
        this.threads = threads;
        this.json = json;
    }

    @ReadOnly
    Batch after(long threadId, long seq, int limit) {
        List<EventOutbox.Row> rows = outbox.after(threadId, seq, limit);
        if (rows.isEmpty()) {
            return new Batch(List.of(), 0, 0, false);
        }
        long[] commentIds = rows.stream().filter(r -> r.commentId() != null).mapToLong(EventOutbox.Row::commentId)
                .distinct().toArray();
        Map<Long, CommentService.PublicState> states = commentIds.length == 0 ? Map.of() : comments.publicStates(commentIds);
        ThreadView thread = rows.stream().anyMatch(r -> r.type().aboutThread())
                ? threads.findView(threadId).orElse(null) : null;
        List<LiveEvent> events = new ArrayList<>(rows.size());
        for (EventOutbox.Row row : rows) {
            Object payload = payload(row, states, thread);
            if (payload != null) {
                events.add(new LiveEvent(row.seq(),
                        Event.of(write(payload)).id(Long.toString(row.seq())).name(row.type().wireName())));
            }
        }
        return new Batch(events, rows.get(0).seq(), rows.get(rows.size() - 1).seq(), rows.size() == limit);
    }

    private static Object payload(EventOutbox.Row row, Map<Long, CommentService.PublicState> states, ThreadView thread) {
        if (row.type().aboutThread()) {
            return thread;
        }
        CommentService.PublicState state = states.get(row.commentId());
        if (state == null) {
            return null;
        }
        if (row.type().hidesText()) {
            CommentView v = state.view();
            return new CommentView(v.id(), v.threadId(), v.parentId(), v.depth(), null, null, v.createdAt(), null,
                    true, v.replyCount(), v.score(), v.status(), v.removal(), null);
        }
        if (!state.listed()) {
            return null;
        }
        // a tombstone still holding replies is sent when created (its replies need their place), not when updated
        return row.type() == ThreadEventType.COMMENT_UPDATED && state.view().deleted() ? null : state.view();
    }

    private String write(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
