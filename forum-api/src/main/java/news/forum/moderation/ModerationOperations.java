package news.forum.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** What waits for the moderators and what they did (MODERATOR or ADMIN). */
@Tag(name = "Moderation")
public interface ModerationOperations {

    @Operation(summary = """
            kind=pending (held comments, oldest first) or kind=flagged (comments with open flags, first flagged \
            first).""")
    @Get("/api/v1/moderation/queue")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    QueuePage queue(@Nullable @QueryValue String kind, @Nullable @QueryValue String after,
                    @Nullable @QueryValue String limit);

    @Operation(summary = "Every moderator action, newest first.")
    @Get("/api/v1/moderation/log")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    LogPage log(@Nullable @QueryValue String after, @Nullable @QueryValue String limit);
}
