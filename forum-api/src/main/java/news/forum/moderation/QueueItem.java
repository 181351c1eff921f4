package news.forum.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import news.forum.comment.CommentView;

import java.time.Instant;
import java.util.List;

/**
 * A comment waiting for a moderator: as moderators see it (text, author, status), its thread, since when it waits
 * (posted, for a held one; first flagged, for a flagged one), why it was held, and its open flags.
 */
@Serdeable
public record QueueItem(CommentView comment, ThreadRef thread, Instant queuedAt, @Nullable String holdReason,
                        List<FlagView> flags) {

    @Serdeable
    public record ThreadRef(String id, String articleKey, String title) {
    }
}
