package news.forum.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** An account's ban as moderators see it; removedComments: how many comments this request removed. */
@Serdeable
public record BanView(String username, boolean banned, @Nullable String reason, @Nullable Instant until,
                      @Nullable Instant bannedAt, @Nullable String bannedBy, int removedComments) {
}
