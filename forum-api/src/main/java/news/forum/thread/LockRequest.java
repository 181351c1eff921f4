package news.forum.thread;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

/** The reason is one line ("Comments are closed: reason"); the note may say more, shown with the lock notice. */
@Serdeable
public record LockRequest(@Nullable @Size(max = 500) String reason, @Nullable @Size(max = 2000) String note) {
}
