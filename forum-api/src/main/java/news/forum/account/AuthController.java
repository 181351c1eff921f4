package news.forum.account;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import news.forum.http.CurrentRequest;
import news.forum.security.PasswordHasher;
import news.forum.web.ClientAddresses;
import news.forum.web.PrebuiltProblem;
import news.forum.web.ProblemException;
import news.forum.web.Problems;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class AuthController implements AuthOperations {

    private final AccountService accounts;
    private final AccountThrottle throttle;
    private final ClientAddresses clientAddresses;
    private final CurrentRequest current;
    private final PasswordHasher hasher;
    private final PrebuiltProblem hashingBusy;

    AuthController(AccountService accounts, AccountThrottle throttle, ClientAddresses clientAddresses,
                   CurrentRequest current, PasswordHasher hasher, JsonMapper json) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.clientAddresses = clientAddresses;
        this.current = current;
        this.hasher = hasher;
        this.hashingBusy = new PrebuiltProblem(PasswordHasher.busy(), json);
    }

    @Override
    public HttpResponse<TokenResponse> login(LoginRequest request) {
        // in a flood most sign-ins are refused, so a refusal must cost next to nothing: while the hashing is full,
        // a prebuilt 429 before any database work; the other refusals answered here rather than thrown to the
        // exception handlers, whose lookup per error cost more than the refusal itself
        if (hasher.isFull()) {
            return refusal(hashingBusy.response());
        }
        try {
            return HttpResponse.ok(throttle.login(clientAddresses.of(current.request()),
                    UsernameRules.key(request.username()), () -> accounts.login(request)));
        } catch (ProblemException refused) {
            return refusal(Problems.response(refused));
        }
    }

    /** A problem answer in place of the tokens: the route's type names what a success carries. */
    @SuppressWarnings("unchecked")
    private static HttpResponse<TokenResponse> refusal(HttpResponse<?> problem) {
        return (HttpResponse<TokenResponse>) problem;
    }

    @Override
    public TokenResponse refresh(RefreshRequest request) {
        return accounts.refresh(request);
    }

    @Override
    public HttpResponse<Void> logout(RefreshRequest request) {
        accounts.logout(request);
        return HttpResponse.noContent();
    }
}
