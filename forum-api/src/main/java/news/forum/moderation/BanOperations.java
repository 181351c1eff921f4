package news.forum.moderation;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * Bans (MODERATOR or ADMIN). A banned account reads on but every write is refused (403, with the reason), from its
 * next request, whatever token it holds. Nobody bans an ADMIN; only an ADMIN bans or unbans a MODERATOR.
 */
@Tag(name = "Moderation")
public interface BanOperations {

    String BAN = "/api/v1/accounts/{username}/ban";

    @Operation(summary = """
            Bans, or changes a ban's reason and end; its refresh tokens are revoked; removeComments removes its \
            comments.""")
    @Put(BAN)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    BanView ban(@PathVariable String username, @Body @Valid BanRequest request);

    @Operation(summary = "Lifts the ban; idempotent.")
    @Delete(BAN)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    BanView lift(@PathVariable String username);
}
