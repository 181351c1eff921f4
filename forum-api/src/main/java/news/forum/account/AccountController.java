package news.forum.account;

import news.forum.web.PublicIds;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import news.forum.web.ClientAddresses;

import java.net.URI;

@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Accounts")
class AccountController {

    private final PublicIds ids;
    private final AccountService accounts;
    private final AccountThrottle throttle;
    private final ClientAddresses clientAddresses;

    AccountController(AccountService accounts, AccountThrottle throttle, ClientAddresses clientAddresses, PublicIds ids) {
        this.ids = ids;
        this.accounts = accounts;
        this.throttle = throttle;
        this.clientAddresses = clientAddresses;
    }

    /** Registers a USER account; 429 with Retry-After when the caller's address registered too many. */
    @Post("/accounts")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<AccountResponse> register(HttpRequest<?> http, @Body @Valid RegisterRequest request) {
        Caller created = throttle.registration(clientAddresses.of(http), () -> accounts.register(request));
        return HttpResponse.created(AccountResponse.of(created, ids), URI.create("/api/v1/accounts/" + created.username()));
    }

    /** The signed-in account, with its current role. */
    @Get("/me")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    AccountResponse me(Authentication authentication) {
        return AccountResponse.of(accounts.me(authentication), ids);
    }

    /**
     * Changes a local account's password: the current one must match and the new one follow the password rules.
     * Every session's refresh token is revoked; the answer is a fresh session for the caller, as a login's.
     */
    @Put("/me/password")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    TokenResponse changePassword(HttpRequest<?> http, @Body @Valid PasswordChangeRequest request,
                                 Authentication authentication) {
        return accounts.changePassword(authentication, request, clientAddresses.of(http));
    }

    /** Changes the caller's display name (empty: the username is shown). */
    @Patch("/me")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    AccountResponse changeProfile(@Body @Valid ProfileRequest request, Authentication authentication) {
        return AccountResponse.of(accounts.changeDisplayName(authentication, request), ids);
    }

    /** Sets an account's role (ADMIN only). */
    @Put("/accounts/{username}/role")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    AccountResponse changeRole(@PathVariable String username, @Body @Valid RoleRequest request,
                               Authentication authentication) {
        return AccountResponse.of(accounts.changeRole(authentication, username, request.role()), ids);
    }
}
