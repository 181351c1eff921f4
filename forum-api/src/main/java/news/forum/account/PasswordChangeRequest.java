package news.forum.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code PUT /me/password}: the password now, and the one to take its place. */
@Serdeable
public record PasswordChangeRequest(@NotNull @Size(max = 512) String current,
                                    @JsonProperty("new") @NotNull @Size(max = 512) String newPassword) {
}
