package news.forum.account;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import news.forum.security.PasswordHasher;
import news.forum.web.ClientAddresses;
import news.forum.web.PrebuiltProblem;
import news.forum.web.ProblemException;
import news.forum.web.Problems;

@Controller("/api/v1/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Authentication")
class AuthController {

    private final AccountService accounts;
    private final AccountThrottle throttle;
    private final ClientAddresses clientAddresses;
    private final PasswordHasher hasher;
    private final PrebuiltProblem hashingBusy;

    AuthController(AccountService accounts, AccountThrottle throttle, ClientAddresses clientAddresses,
                   PasswordHasher hasher, JsonMapper json) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.clientAddresses = clientAddresses;
        this.hasher = hasher;
        this.hashingBusy = new PrebuiltProblem(PasswordHasher.busy(), json);
    }

    /**
     * Exchanges a username and password for an access token and a refresh token; 429 with Retry-After after
     * too many wrong passwords from the caller's address, or for this name from that address, or while the server
     * checks as many passwords as it can (logins-busy).
     */
    @Post("/login")
    @ApiResponse(responseCode = "200", description = "login 200 response",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenResponse.class)))
    HttpResponse<?> login(HttpRequest<?> http, @Body @Valid LoginRequest request) {
        // in a flood most sign-ins are refused, so a refusal must cost next to nothing: while the hashing is full,
        // a prebuilt 429 before any database work; the other refusals answered here rather than thrown to the
        // exception handlers, whose lookup per error cost more than the refusal itself
        if (hasher.isFull()) {
            return hashingBusy.response();
        }
        try {
            return HttpResponse.ok(throttle.login(clientAddresses.of(http), UsernameRules.key(request.username()),
                    () -> accounts.login(request)));
        } catch (ProblemException refused) {
            return Problems.response(refused);
        }
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
