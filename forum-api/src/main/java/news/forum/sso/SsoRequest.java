package news.forum.sso;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

/** {@code POST /auth/sso}: the publisher's signed token (its size is checked with the token, past 8 KB a 401). */
@Serdeable
public record SsoRequest(@NotNull String token) {
}
