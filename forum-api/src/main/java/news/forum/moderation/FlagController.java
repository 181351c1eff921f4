package news.forum.moderation;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import news.forum.throttle.AddressKeys;
import news.forum.throttle.WriteBudgets;

@Controller("/api/v1/comments/{commentId}/flags")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Moderation")
class FlagController {

    private final Flags flags;
    private final WriteBudgets budgets;
    private final AddressKeys addressKeys;

    FlagController(Flags flags, WriteBudgets budgets, AddressKeys addressKeys) {
        this.flags = flags;
        this.budgets = budgets;
        this.addressKeys = addressKeys;
    }

    /**
     * Flags a comment for the moderators (any signed-in reader but its author; one flag each, 409 for a second).
     * Enough open flags that count hide it from readers until a moderator reviews it (see {@link Flags}).
     */
    @Post
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<FlagView> flag(@PathVariable String commentId, @Body @Valid FlagRequest request,
                                Authentication authentication, HttpRequest<?> http) {
        // spent before the flag's own transaction, as for posting: 429 with Retry-After over the budget
        budgets.spendFlag(authentication, http);
        return HttpResponse.status(HttpStatus.CREATED)
                .body(flags.flag(authentication, commentId, request, addressKeys.of(http)));
    }
}
