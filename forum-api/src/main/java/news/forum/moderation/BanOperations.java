package news.forum.moderation;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import static news.forum.web.ApiProblems.BAD_REQUEST;
import static news.forum.web.ApiProblems.CONTENT_TOO_LARGE;
import static news.forum.web.ApiProblems.FORBIDDEN;
import static news.forum.web.ApiProblems.NOT_FOUND;
import static news.forum.web.ApiProblems.UNAUTHORIZED;
import static news.forum.web.ApiProblems.UNPROCESSABLE_CONTENT;
import static news.forum.web.ApiProblems.UNSUPPORTED_MEDIA_TYPE;

/**
 * Bans (MODERATOR or ADMIN). A banned account reads on but every write is refused (403, with the reason), from its
 * next request, whatever token it holds. Nobody bans an ADMIN; only an ADMIN bans or unbans a MODERATOR.
 */
@Tag(name = "Moderation")
public interface BanOperations {

    String BAN = "/api/v1/accounts/{username}/ban";

    @Operation(operationId = "banAccount", summary = """
            Bans, or changes a ban's reason and end; its refresh tokens are revoked; removeComments removes its \
            comments.""", description = """
            Bans an account (MODERATOR or ADMIN), or changes a ban's reason and end; its refresh tokens are revoked; \
            removeComments removes its comments. 422 when the given end has already passed.""", responses = {
            @ApiResponse(responseCode = "200", description = "The ban as it now stands"),
            @ApiResponse(responseCode = "400", ref = BAD_REQUEST),
            @ApiResponse(responseCode = "401", ref = UNAUTHORIZED),
            @ApiResponse(responseCode = "403", ref = FORBIDDEN),
            @ApiResponse(responseCode = "404", ref = NOT_FOUND),
            @ApiResponse(responseCode = "413", ref = CONTENT_TOO_LARGE),
            @ApiResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE),
            @ApiResponse(responseCode = "422", ref = UNPROCESSABLE_CONTENT)})
    @Put(BAN)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    BanView ban(@PathVariable String username, @Body @Valid BanRequest request);

    @Operation(operationId = "liftBan", summary = "Lifts the ban; idempotent.", responses = {
            @ApiResponse(responseCode = "200", description = "The account, no longer banned"),
            @ApiResponse(responseCode = "401", ref = UNAUTHORIZED),
            @ApiResponse(responseCode = "403", ref = FORBIDDEN),
            @ApiResponse(responseCode = "404", ref = NOT_FOUND)})
    @Delete(BAN)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    BanView lift(@PathVariable String username);
}
