package news.forum.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** Oldest first; {@code next} continues right after the last item. */
@Serdeable
public record QueuePage(@Schema(allowableValues = {"pending", "flagged"}, requiredMode = Schema.RequiredMode.REQUIRED) String kind, List<QueueItem> items, @Nullable String next) {
}
