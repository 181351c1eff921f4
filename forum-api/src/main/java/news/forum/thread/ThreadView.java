package news.forum.thread;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A thread as clients see it. */
@Serdeable
public record ThreadView(String id,
                         String articleKey,
                         String title,
                         boolean locked,
                         @Nullable Instant lockedAt,
                         @Nullable String lockedBy,
                         @Nullable String lockReason,
                         int commentCount) {
}
