package news.forum.moderation;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Readers' flags on a comment. */
@Tag(name = "Moderation")
public interface FlagOperations {

    @Operation(summary = "Flags a comment for the moderators.", description = """
            Flags a comment for the moderators (any signed-in reader but its author; one flag each, 409 for a second). \
            Enough open flags that count hide it from readers until a moderator reviews it: flags of accounts older \
            than FORUM_FLAG_MIN_ACCOUNT_AGE with a published comment, once per network address, never against staff.""")
    @Post("/api/v1/comments/{commentId}/flags")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<FlagView> flag(@PathVariable String commentId, @Body @Valid FlagRequest request);
}
