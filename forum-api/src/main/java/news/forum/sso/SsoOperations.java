package news.forum.sso;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import news.forum.account.TokenResponse;

import static news.forum.web.ApiProblems.BAD_REQUEST;
import static news.forum.web.ApiProblems.CONFLICT;
import static news.forum.web.ApiProblems.CONTENT_TOO_LARGE;
import static news.forum.web.ApiProblems.NOT_FOUND;
import static news.forum.web.ApiProblems.UNAUTHORIZED;
import static news.forum.web.ApiProblems.UNSUPPORTED_MEDIA_TYPE;

/** Single sign-on: the publisher's signed token for a session of the forum's own. */
@Tag(name = "Authentication")
public interface SsoOperations {

    @Operation(operationId = "signInWithPublisherToken", summary = """
            Exchanges the publisher's signed token for a session, as a login does.""",
            description = """
                    The reader's account is found by the token's issuer and subject, or created under the username \
                    rules. 401 for any token the contract refuses (signature, algorithm, issuer, audience, times, a \
                    jti used before); 404 when single sign-on is off here.""",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The tokens and the account they were issued to"),
                    @ApiResponse(responseCode = "400", ref = BAD_REQUEST),
                    @ApiResponse(responseCode = "401", ref = UNAUTHORIZED),
                    @ApiResponse(responseCode = "404", ref = NOT_FOUND),
                    @ApiResponse(responseCode = "409", ref = CONFLICT),
                    @ApiResponse(responseCode = "413", ref = CONTENT_TOO_LARGE),
                    @ApiResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE)})
    @Post("/api/v1/auth/sso")
    @Secured(SecurityRule.IS_ANONYMOUS)
    TokenResponse signIn(@Body @Valid SsoRequest request);
}
