package news.forum.thread;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A thread as clients see it. {@code lastEventId} is the id of the thread's latest live event when this view was
 * read: a client that subscribes to the events with it ({@code ?after=}) misses nothing between the two.
 */
@Serdeable
public record ThreadView(String id,
                         String articleKey,
                         String title,
                         boolean locked,
                         @Nullable Instant lockedAt,
                         @Nullable String lockedBy,
                         @Nullable String lockReason,
                         int commentCount,
                         long lastEventId) {
}
