package news.forum.account;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Accounts: registration, the signed-in account, roles. */
@Tag(name = "Accounts")
public interface AccountOperations {

    String ACCOUNTS = "/api/v1/accounts";

    @Operation(summary = """
            Registers a USER account; 429 with Retry-After when the caller's address registered too many.""")
    @Post(ACCOUNTS)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<AccountResponse> register(@Body @Valid RegisterRequest request);

    @Operation(summary = "The signed-in account, with its current role.")
    @Get("/api/v1/me")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    AccountResponse me();

    @Operation(summary = "Sets an account's role (ADMIN only).")
    @Put(ACCOUNTS + "/{username}/role")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    AccountResponse changeRole(@PathVariable String username, @Body @Valid RoleRequest request);
}
