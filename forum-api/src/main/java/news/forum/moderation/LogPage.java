package news.forum.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Newest first; {@code next} continues with older entries. */
@Serdeable
public record LogPage(List<LogEntry> entries, @Nullable String next) {
}
