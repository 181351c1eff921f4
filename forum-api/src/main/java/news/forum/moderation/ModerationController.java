package news.forum.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import news.forum.web.PageSize;

/** What waits for the moderators and what they did (MODERATOR or ADMIN). */
@Controller("/api/v1/moderation")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Moderation")
class ModerationController {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 100;

    private final ModerationQueue queue;
    private final ModerationLog log;

    ModerationController(ModerationQueue queue, ModerationLog log) {
        this.queue = queue;
        this.log = log;
    }

    /** kind=pending (held comments, oldest first) or kind=flagged (comments with open flags, first flagged first). */
    @Get("/queue")
    QueuePage queue(@Nullable @QueryValue String kind, @Nullable @QueryValue String after,
                    @Nullable @QueryValue String limit, Authentication authentication) {
        return queue.page(authentication, kind, after, PageSize.parse(limit, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE));
    }

    /** Every moderator action, newest first. */
    @Get("/log")
    LogPage log(@Nullable @QueryValue String after, @Nullable @QueryValue String limit, Authentication authentication) {
        return log.page(authentication, after, PageSize.parse(limit, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE));
    }
}
