package news.forum.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** reason: spam, abuse, off_topic or other; detail: what the reader wants the moderators to know. */
@Serdeable
public record FlagRequest(@Schema(allowableValues = {"spam", "abuse", "off_topic", "other"}, requiredMode = Schema.RequiredMode.REQUIRED)
                          @NotNull @Size(max = 32) String reason, @Nullable @Size(max = 500) String detail) {
}
