package news.forum.account;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code PATCH /me}: the display name (empty: the username is shown). */
@Serdeable
public record ProfileRequest(@NotNull @Size(max = 256) String displayName) {
}
