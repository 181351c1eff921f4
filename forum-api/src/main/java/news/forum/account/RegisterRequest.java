package news.forum.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Serdeable
public record RegisterRequest(@NotNull @Size(max = 64) String username,
                              @NotNull @Size(max = 512) String password,
                              @Nullable @Size(max = 256) String displayName) {
}
