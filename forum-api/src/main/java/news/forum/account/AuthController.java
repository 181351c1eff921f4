package news.forum.account;

import io.micronaut.http.HttpRequest;
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
import news.forum.web.ClientAddresses;

@Controller("/api/v1/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Authentication")
class AuthController {

    private final AccountService accounts;
    private final AccountThrottle throttle;
    private final ClientAddresses clientAddresses;

    AuthController(AccountService accounts, AccountThrottle throttle, ClientAddresses clientAddresses) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.clientAddresses = clientAddresses;
    }

    /**
     * Exchanges a username and password for an access token and a refresh token; 429 with Retry-After after
     * too many wrong passwords from the caller's address, or for this name from that address.
     */
    @Post("/login")
    TokenResponse login(HttpRequest<?> http, @Body @Valid LoginRequest request) {
        return throttle.login(clientAddresses.of(http), UsernameRules.key(request.username()),
                () -> accounts.login(request));
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
