package news.forum.account;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@Controller("/api/v1/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Authentication")
class AuthController {

    private final AccountService accounts;

    AuthController(AccountService accounts) {
        this.accounts = accounts;
    }

    /** Exchanges a username and password for an access token and a refresh token. */
    @Post("/login")
    TokenResponse login(@Body @Valid LoginRequest request) {
        return accounts.login(request);
    }

    /** A new access token for a live refresh token. */
    @Post("/refresh")
    TokenResponse refresh(@Body @Valid RefreshRequest request) {
        return accounts.refresh(request);
    }

    /** Revokes a refresh token; answers 204 whether or not it was live. */
    @Post("/logout")
    HttpResponse<Void> logout(@Body @Valid RefreshRequest request) {
        accounts.logout(request);
        return HttpResponse.noContent();
    }
}
