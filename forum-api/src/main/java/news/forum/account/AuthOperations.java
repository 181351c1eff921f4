package news.forum.account;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import static news.forum.web.ApiProblems.BAD_REQUEST;
import static news.forum.web.ApiProblems.CONTENT_TOO_LARGE;
import static news.forum.web.ApiProblems.FORBIDDEN;
import static news.forum.web.ApiProblems.TOO_MANY_REQUESTS;
import static news.forum.web.ApiProblems.UNAUTHORIZED;
import static news.forum.web.ApiProblems.UNSUPPORTED_MEDIA_TYPE;

/** Signing in and out: access tokens for a password, new access and refresh tokens for a refresh token. */
@Tag(name = "Authentication")
public interface AuthOperations {

    @Operation(operationId = "login", summary = """
            Exchanges a username and password for an access token and a refresh token; 429 with Retry-After after too \
            many wrong passwords from the caller's address, or for this name from that address, or while the server \
            checks as many passwords as it can (logins-busy); 403 for a reader where readers sign in only at the \
            publisher's site (FORUM_LOCAL_ACCOUNTS=false).""", responses = {
            @ApiResponse(responseCode = "200", description = "The tokens and the account they were issued to",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TokenResponse.class))),
            @ApiResponse(responseCode = "400", ref = BAD_REQUEST),
            @ApiResponse(responseCode = "401", ref = UNAUTHORIZED),
            @ApiResponse(responseCode = "403", ref = FORBIDDEN),
            @ApiResponse(responseCode = "413", ref = CONTENT_TOO_LARGE),
            @ApiResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE),
            @ApiResponse(responseCode = "429", ref = TOO_MANY_REQUESTS)})
    @Post("/api/v1/auth/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<TokenResponse> login(@Body @Valid LoginRequest request);

    @Operation(operationId = "refreshAccessToken", summary = "A new access token and refresh token for a live refresh token.",
            description = """
                    Refresh tokens rotate: each use answers a new refresh token of the same sign-in and spends the one \
                    presented. A spent token presented again (somebody kept a copy) is a 401 and revokes every token \
                    of that sign-in; of two uses of one token at once, one gets the new tokens and the other a 401.""",
            responses = {
                    @ApiResponse(responseCode = "200", description = "A new access token and a new refresh token"),
                    @ApiResponse(responseCode = "400", ref = BAD_REQUEST),
                    @ApiResponse(responseCode = "401", ref = UNAUTHORIZED),
                    @ApiResponse(responseCode = "413", ref = CONTENT_TOO_LARGE),
                    @ApiResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE)})
    @Post("/api/v1/auth/refresh")
    @Secured(SecurityRule.IS_ANONYMOUS)
    TokenResponse refresh(@Body @Valid RefreshRequest request);

    @Operation(operationId = "logout", summary = """
            Revokes a refresh token and every token of its sign-in; answers 204 whether or not it was live.""",
            responses = {
                    @ApiResponse(responseCode = "204", description = "The sign-in's refresh tokens are revoked"),
                    @ApiResponse(responseCode = "400", ref = BAD_REQUEST),
                    @ApiResponse(responseCode = "413", ref = CONTENT_TOO_LARGE),
                    @ApiResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE)})
    @Post("/api/v1/auth/logout")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<Void> logout(@Body @Valid RefreshRequest request);
}
