package news.forum.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Serdeable
public record RefreshRequest(@JsonProperty("refresh_token") @NotNull @Size(max = 128) String refreshToken) {
}
