package news.forum.account;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Signing in and out: access tokens for a password, new access tokens for a refresh token. */
@Tag(name = "Authentication")
public interface AuthOperations {

    @Operation(summary = """
            Exchanges a username and password for an access token and a refresh token; 429 with Retry-After after too \
            many wrong passwords from the caller's address, or for this name from that address.""")
    @Post("/api/v1/auth/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    TokenResponse login(@Body @Valid LoginRequest request);

    @Operation(summary = "A new access token for a live refresh token.")
    @Post("/api/v1/auth/refresh")
    @Secured(SecurityRule.IS_ANONYMOUS)
    TokenResponse refresh(@Body @Valid RefreshRequest request);

    @Operation(summary = "Revokes a refresh token; answers 204 whether or not it was live.")
    @Post("/api/v1/auth/logout")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<Void> logout(@Body @Valid RefreshRequest request);
}
