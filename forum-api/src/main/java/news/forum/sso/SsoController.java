package news.forum.sso;

import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import news.forum.account.TokenResponse;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class SsoController implements SsoOperations {

    private final SsoSignIn signIn;

    SsoController(SsoSignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public TokenResponse signIn(SsoRequest request) {
        return signIn.signIn(request.token());
    }
}
