package news.forum.privacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

/** {@code DELETE /me}: the password, for an account that has one. */
@Serdeable
public record DeleteAccountRequest(@Nullable @Size(max = 512) String password) {
}
