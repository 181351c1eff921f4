package news.forum.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Oldest first; {@code next} continues right after the last item. */
@Serdeable
public record QueuePage(String kind, List<QueueItem> items, @Nullable String next) {
}
