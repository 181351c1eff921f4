package news.forum.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One moderator action: who (null for the system itself), what, to which target, why, when. The target's label is
 * what a person recognises it by: an account's username, a thread's or a comment's article key.
 */
@Serdeable
public record LogEntry(String id, String action, @Nullable String actor, Target target, @Nullable String reason,
                       Instant createdAt) {

    /** threadId: for a comment, the thread it is in. */
    @Serdeable
    public record Target(String type, @Nullable String id, @Nullable String label, @Nullable String threadId) {
    }
}
