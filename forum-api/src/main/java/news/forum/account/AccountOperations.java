package news.forum.account;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import static news.forum.web.ApiProblems.BAD_REQUEST;
import static news.forum.web.ApiProblems.CONFLICT;
import static news.forum.web.ApiProblems.CONTENT_TOO_LARGE;
import static news.forum.web.ApiProblems.FORBIDDEN;
import static news.forum.web.ApiProblems.NOT_FOUND;
import static news.forum.web.ApiProblems.TOO_MANY_REQUESTS;
import static news.forum.web.ApiProblems.UNAUTHORIZED;
import static news.forum.web.ApiProblems.UNPROCESSABLE_CONTENT;
import static news.forum.web.ApiProblems.UNSUPPORTED_MEDIA_TYPE;

/** Accounts: registration, the signed-in account, its password and display name, roles. */
@Tag(name = "Accounts")
public interface AccountOperations {

    String ACCOUNTS = "/api/v1/accounts";

    @Operation(operationId = "registerAccount", summary = """
            Registers a USER account; 429 with Retry-After when the caller's address registered too many.""",
            description = """
                    Registers a USER account. 409 when the username, or one that reads alike, is taken; 422 when the \
                    password is too easy to guess or the display name breaks its rules; 403 where readers sign in \
                    only at the publisher's site (FORUM_LOCAL_ACCOUNTS=false).""",
            responses = {
                    @ApiResponse(responseCode = "201", description = "The account, created",
                            headers = @Header(name = "Location", description = "The account's address",
                                    schema = @Schema(type = "string")),
                            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    schema = @Schema(implementation = AccountResponse.class))),
                    @ApiResponse(responseCode = "400", ref = BAD_REQUEST),
                    @ApiResponse(responseCode = "403", ref = FORBIDDEN),
                    @ApiResponse(responseCode = "409", ref = CONFLICT),
                    @ApiResponse(responseCode = "413", ref = CONTENT_TOO_LARGE),
                    @ApiResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE),
                    @ApiResponse(responseCode = "422", ref = UNPROCESSABLE_CONTENT),
                    @ApiResponse(responseCode = "429", ref = TOO_MANY_REQUESTS)})
    @Post(ACCOUNTS)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<AccountResponse> register(@Body @Valid RegisterRequest request);

    @Operation(operationId = "getCurrentAccount", summary = "The signed-in account, with its current role.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The account"),
                    @ApiResponse(responseCode = "401", ref = UNAUTHORIZED)})
    @Get("/api/v1/me")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    AccountResponse me();

    @Operation(operationId = "changePassword", summary = """
            Changes a local account's password; every session ends and the caller gets a fresh one, as a login's.""",
            description = """
                    The current password must match (403 wrong-password, 429 after too many wrong ones) and the new one \
                    follow the password rules (422). 409 for an account that signs in at the publisher's site and has \
                    no password here, or when another request changed the password at the same moment.""",
            responses = {
                    @ApiResponse(responseCode = "200", description = "A fresh session: access and refresh token"),
                    @ApiResponse(responseCode = "400", ref = BAD_REQUEST),
                    @ApiResponse(responseCode = "401", ref = UNAUTHORIZED),
                    @ApiResponse(responseCode = "403", ref = FORBIDDEN),
                    @ApiResponse(responseCode = "409", ref = CONFLICT),
                    @ApiResponse(responseCode = "413", ref = CONTENT_TOO_LARGE),
                    @ApiResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE),
                    @ApiResponse(responseCode = "422", ref = UNPROCESSABLE_CONTENT),
                    @ApiResponse(responseCode = "429", ref = TOO_MANY_REQUESTS)})
    @Put("/api/v1/me/password")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    TokenResponse changePassword(@Body @Valid PasswordChangeRequest request);

    @Operation(operationId = "changeDisplayName", summary = "Changes the caller's display name (empty: the username is shown).",
            description = """
                    The display name's rules as at registration (422, also for a look-alike of another account's \
                    name); 409 for a reader whose name comes from the publisher's site.""",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The account with its new display name"),
                    @ApiResponse(responseCode = "400", ref = BAD_REQUEST),
                    @ApiResponse(responseCode = "401", ref = UNAUTHORIZED),
                    @ApiResponse(responseCode = "409", ref = CONFLICT),
                    @ApiResponse(responseCode = "413", ref = CONTENT_TOO_LARGE),
                    @ApiResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE),
                    @ApiResponse(responseCode = "422", ref = UNPROCESSABLE_CONTENT)})
    @Patch("/api/v1/me")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    AccountResponse changeProfile(@Body @Valid ProfileRequest request);

    @Operation(operationId = "setAccountRole", summary = "Sets an account's role (ADMIN only).", responses = {
            @ApiResponse(responseCode = "200", description = "The account with its new role"),
            @ApiResponse(responseCode = "400", ref = BAD_REQUEST),
            @ApiResponse(responseCode = "401", ref = UNAUTHORIZED),
            @ApiResponse(responseCode = "403", ref = FORBIDDEN),
            @ApiResponse(responseCode = "404", ref = NOT_FOUND),
            @ApiResponse(responseCode = "413", ref = CONTENT_TOO_LARGE),
            @ApiResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE)})
    @Put(ACCOUNTS + "/{username}/role")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    AccountResponse changeRole(@PathVariable String username, @Body @Valid RoleRequest request);
}
