package news.forum.sso;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import news.forum.account.TokenResponse;

@Controller("/api/v1/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Authentication")
class SsoController {

    private final SsoSignIn signIn;

    SsoController(SsoSignIn signIn) {
        this.signIn = signIn;
    }

    /**
     * Exchanges the publisher's signed token for a session, as a login does: the reader's account is found by the
     * token's issuer and subject, or created. 401 for any token the contract refuses; 404 when single sign-on is off.
     */
    @Post("/sso")
    TokenResponse signIn(@Body @Valid SsoRequest request) {
        return signIn.signIn(request.token());
    }
}
