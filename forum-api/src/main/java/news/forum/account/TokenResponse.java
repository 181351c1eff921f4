package news.forum.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** OAuth 2.0 token response field names (RFC 6749 §5.1), plus the account it was issued to. */
@Serdeable
public record TokenResponse(@JsonProperty("access_token") String accessToken,
                            @Schema(allowableValues = "Bearer", requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("token_type") String tokenType,
                            @JsonProperty("expires_in") long expiresIn,
                            @JsonProperty("refresh_token") @Nullable String refreshToken,
                            AccountResponse account) {
}
