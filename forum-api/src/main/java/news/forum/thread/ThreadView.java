package news.forum.thread;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * A thread as clients see it. {@code lockNote} is the moderator's note shown with the lock notice;
 * {@code premoderation} is what applies now (the thread's own setting or the site default: none, all,
 * new_accounts); {@code slowModeSeconds} is how long each account waits between comments here (0: off), with
 * {@code slowModeUntil} when slow mode switched on by itself and ends then (null when set by hand).
 * {@code lastEventId} is the id of the thread's latest live event when this view was read: a client that
 * subscribes to the events with it ({@code ?after=}) misses nothing between the two.
 */
@Serdeable
public record ThreadView(String id,
                         String articleKey,
                         String title,
                         boolean locked,
                         @Nullable Instant lockedAt,
                         @Nullable String lockedBy,
                         @Nullable String lockReason,
                         @Nullable String lockNote,
                         int commentCount,
                         @Schema(allowableValues = {"none", "all", "new_accounts"}, requiredMode = Schema.RequiredMode.REQUIRED)
                         String premoderation,
                         int slowModeSeconds,
                         @Nullable Instant slowModeUntil,
                         long lastEventId) {
}
