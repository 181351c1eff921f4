package news.forum.account;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import news.forum.http.CurrentRequest;
import news.forum.web.ClientAddresses;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class AuthController implements AuthOperations {

    private final AccountService accounts;
    private final AccountThrottle throttle;
    private final ClientAddresses clientAddresses;
    private final CurrentRequest current;

    AuthController(AccountService accounts, AccountThrottle throttle, ClientAddresses clientAddresses,
                   CurrentRequest current) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.clientAddresses = clientAddresses;
        this.current = current;
    }

    @Override
    public TokenResponse login(LoginRequest request) {
        return throttle.login(clientAddresses.of(current.request()), UsernameRules.key(request.username()),
                () -> accounts.login(request));
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
