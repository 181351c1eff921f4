package news.forum.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** A flag as its reader sees it after flagging; moderators also see who flagged ({@code flaggedBy}). */
@Serdeable
public record FlagView(String commentId,
                       @Schema(allowableValues = {"spam", "abuse", "off_topic", "other"}, requiredMode = Schema.RequiredMode.REQUIRED) String reason, @Nullable String detail, @Nullable String flaggedBy,
                       Instant createdAt) {
}
