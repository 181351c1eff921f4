package news.forum.account;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import news.forum.http.CurrentRequest;
import news.forum.web.ClientAddresses;
import news.forum.web.PublicIds;

import java.net.URI;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class AccountController implements AccountOperations {

    private final PublicIds ids;
    private final AccountService accounts;
    private final AccountThrottle throttle;
    private final ClientAddresses clientAddresses;
    private final CurrentRequest current;

    AccountController(AccountService accounts, AccountThrottle throttle, ClientAddresses clientAddresses, PublicIds ids,
                      CurrentRequest current) {
        this.ids = ids;
        this.accounts = accounts;
        this.throttle = throttle;
        this.clientAddresses = clientAddresses;
        this.current = current;
    }

    @Override
    public HttpResponse<AccountResponse> register(RegisterRequest request) {
        Caller created = throttle.registration(clientAddresses.of(current.request()), () -> accounts.register(request));
        return HttpResponse.created(AccountResponse.of(created, ids), URI.create(ACCOUNTS + "/" + created.username()));
    }

    @Override
    public AccountResponse me() {
        return AccountResponse.of(accounts.me(current.authentication()), ids);
    }

    @Override
    public TokenResponse changePassword(PasswordChangeRequest request) {
        return accounts.changePassword(current.authentication(), request, clientAddresses.of(current.request()));
    }

    @Override
    public AccountResponse changeProfile(ProfileRequest request) {
        return AccountResponse.of(accounts.changeDisplayName(current.authentication(), request), ids);
    }

    @Override
    public AccountResponse changeRole(String username, RoleRequest request) {
        return AccountResponse.of(accounts.changeRole(current.authentication(), username, request.role()), ids);
    }
}
