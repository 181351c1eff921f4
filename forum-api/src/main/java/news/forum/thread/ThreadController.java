package news.forum.thread;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import news.forum.web.PublicIds;

import static news.forum.web.PublicIds.Kind.THREAD;

@Controller("/api/v1/threads/{threadId}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Threads")
class ThreadController {

    private final PublicIds ids;
    private final ThreadService threads;

    ThreadController(ThreadService threads, PublicIds ids) {
        this.ids = ids;
        this.threads = threads;
    }

    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    ThreadView thread(@PathVariable String threadId) {
        return threads.find(ids.parse(THREAD, threadId));
    }

    /**
     * Closes the thread to replies (MODERATOR or ADMIN), with an optional one-line reason and a longer note shown
     * with the lock notice; idempotent. Every comment stays readable.
     */
    @Put("/lock")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    ThreadView lock(@PathVariable String threadId, @Nullable @Body @Valid LockRequest request,
                    Authentication authentication) {
        return threads.lock(authentication, ids.parse(THREAD, threadId), request);
    }

    /** Pre-moderation and slow mode for this thread (MODERATOR or ADMIN); fields left out stay as they are. */
    @Put("/moderation")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    ThreadView moderation(@PathVariable String threadId, @Body @Valid ThreadModerationRequest request,
                          Authentication authentication) {
        return threads.configureModeration(authentication, ids.parse(THREAD, threadId), request);
    }

    /** Opens the thread to replies again (MODERATOR or ADMIN); idempotent. */
    @Delete("/lock")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    ThreadView unlock(@PathVariable String threadId, Authentication authentication) {
        return threads.unlock(authentication, ids.parse(THREAD, threadId));
    }
}
