package news.forum.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** until: when the ban ends by itself (absent: until lifted); removeComments: remove all the account's comments too. */
@Serdeable
public record BanRequest(@NotBlank @Size(max = 500) String reason, @Nullable Instant until,
                         @Nullable Boolean removeComments) {
}
