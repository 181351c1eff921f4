package news.forum.moderation;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * Bans (MODERATOR or ADMIN). A banned account reads on but every write is refused (403, with the reason), from its
 * next request, whatever token it holds. Nobody bans an ADMIN; only an ADMIN bans or unbans a MODERATOR.
 */
@Controller("/api/v1/accounts/{username}/ban")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Moderation")
class BanController {

    private final Bans bans;

    BanController(Bans bans) {
        this.bans = bans;
    }

    /** Bans, or changes a ban's reason and end; its refresh tokens are revoked; removeComments removes its comments. */
    @Put
    BanView ban(@PathVariable String username, @Body @Valid BanRequest request, Authentication authentication) {
        return bans.ban(authentication, username, request);
    }

    /** Lifts the ban; idempotent. */
    @Delete
    BanView lift(@PathVariable String username, Authentication authentication) {
        return bans.lift(authentication, username);
    }
}
