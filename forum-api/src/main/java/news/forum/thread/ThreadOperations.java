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
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import static news.forum.web.ApiProblems.BAD_REQUEST;
import static news.forum.web.ApiProblems.CONTENT_TOO_LARGE;
import static news.forum.web.ApiProblems.FORBIDDEN;
import static news.forum.web.ApiProblems.NOT_FOUND;
import static news.forum.web.ApiProblems.UNAUTHORIZED;
import static news.forum.web.ApiProblems.UNSUPPORTED_MEDIA_TYPE;

/** A thread: its lock and its moderation settings. */
@Tag(name = "Threads")
public interface ThreadOperations {

    @Operation(operationId = "getThread", summary = "The thread: its lock, its moderation settings, its counts.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The thread"),
                    @ApiResponse(responseCode = "404", ref = NOT_FOUND)})
    @Get("/api/v1/threads/{threadId}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    ThreadView thread(@PathVariable String threadId);

    @Operation(operationId = "lockThread", summary = "Closes the thread to replies (MODERATOR or ADMIN); idempotent.",
            description = """
                    Closes the thread to replies (MODERATOR or ADMIN), with an optional one-line reason and a longer \
                    note shown with the lock notice; idempotent. Every comment stays readable.""",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The thread, locked"),
                    @ApiResponse(responseCode = "400", ref = BAD_REQUEST),
                    @ApiResponse(responseCode = "401", ref = UNAUTHORIZED),
                    @ApiResponse(responseCode = "403", ref = FORBIDDEN),
                    @ApiResponse(responseCode = "404", ref = NOT_FOUND),
                    @ApiResponse(responseCode = "413", ref = CONTENT_TOO_LARGE),
                    @ApiResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE)})
    @Put("/api/v1/threads/{threadId}/lock")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    ThreadView lock(@PathVariable String threadId, @Nullable @Body @Valid LockRequest request);

    @Operation(operationId = "unlockThread",
            summary = "Opens the thread to replies again (MODERATOR or ADMIN); idempotent.", responses = {
            @ApiResponse(responseCode = "200", description = "The thread, open"),
            @ApiResponse(responseCode = "401", ref = UNAUTHORIZED),
            @ApiResponse(responseCode = "403", ref = FORBIDDEN),
            @ApiResponse(responseCode = "404", ref = NOT_FOUND)})
    @Delete("/api/v1/threads/{threadId}/lock")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    ThreadView unlock(@PathVariable String threadId);

    @Operation(operationId = "setThreadModeration", summary = """
            Pre-moderation and slow mode for this thread (MODERATOR or ADMIN); fields left out stay as they are.""",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The thread with its settings"),
                    @ApiResponse(responseCode = "400", ref = BAD_REQUEST),
                    @ApiResponse(responseCode = "401", ref = UNAUTHORIZED),
                    @ApiResponse(responseCode = "403", ref = FORBIDDEN),
                    @ApiResponse(responseCode = "404", ref = NOT_FOUND),
                    @ApiResponse(responseCode = "413", ref = CONTENT_TOO_LARGE),
                    @ApiResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE)})
    @Put("/api/v1/threads/{threadId}/moderation")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    ThreadView moderation(@PathVariable String threadId, @Body @Valid ThreadModerationRequest request);
}
