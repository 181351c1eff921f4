package news.forum.thread;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** A thread: its lock and its moderation settings. */
@Tag(name = "Threads")
public interface ThreadOperations {

    @Get("/api/v1/threads/{threadId}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    ThreadView thread(@PathVariable String threadId);

    @Operation(summary = "Closes the thread to replies (MODERATOR or ADMIN); idempotent.", description = """
            Closes the thread to replies (MODERATOR or ADMIN), with an optional one-line reason and a longer note \
            shown with the lock notice; idempotent. Every comment stays readable.""")
    @Put("/api/v1/threads/{threadId}/lock")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    ThreadView lock(@PathVariable String threadId, @Nullable @Body @Valid LockRequest request);

    @Operation(summary = "Opens the thread to replies again (MODERATOR or ADMIN); idempotent.")
    @Delete("/api/v1/threads/{threadId}/lock")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    ThreadView unlock(@PathVariable String threadId);

    @Operation(summary = """
            Pre-moderation and slow mode for this thread (MODERATOR or ADMIN); fields left out stay as they are.""")
    @Put("/api/v1/threads/{threadId}/moderation")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    ThreadView moderation(@PathVariable String threadId, @Body @Valid ThreadModerationRequest request);
}
