package news.forum.moderation;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import news.forum.http.CurrentRequest;
import news.forum.throttle.AddressKeys;
import news.forum.throttle.WriteBudgets;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class FlagController implements FlagOperations {

    private final Flags flags;
    private final WriteBudgets budgets;
    private final AddressKeys addressKeys;
    private final CurrentRequest current;

    FlagController(Flags flags, WriteBudgets budgets, AddressKeys addressKeys, CurrentRequest current) {
        this.flags = flags;
        this.budgets = budgets;
        this.addressKeys = addressKeys;
        this.current = current;
    }

    @Override
    public HttpResponse<FlagView> flag(String commentId, FlagRequest request) {
        // spent before the flag's own transaction, as for posting: 429 with Retry-After over the budget
        budgets.spendFlag(current.authentication(), current.request());
        return HttpResponse.status(HttpStatus.CREATED)
                .body(flags.flag(current.authentication(), commentId, request, addressKeys.of(current.request())));
    }
}
