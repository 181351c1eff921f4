package news.forum.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * A flag as its reader sees it after flagging; moderators also see who flagged ({@code flaggedBy}) and whether it
 * counts towards hiding the comment ({@code counts}: not from a new account, nor a second from one address).
 */
@Serdeable
public record FlagView(String commentId,
                       @Schema(allowableValues = {"spam", "abuse", "off_topic", "other"}, requiredMode = Schema.RequiredMode.REQUIRED) String reason, @Nullable String detail, @Nullable String flaggedBy,
                       Instant createdAt, @Nullable Boolean counts) {
}
