package news.forum.live;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reactivestreams.Publisher;

import static news.forum.web.ApiProblems.BAD_REQUEST;
import static news.forum.web.ApiProblems.NOT_FOUND;
import static news.forum.web.ApiProblems.TOO_MANY_REQUESTS;

/** A thread's live events. */
@Tag(name = "Threads")
public interface ThreadEventOperations {

    @Operation(operationId = "streamThreadEvents", summary = "The thread's live events as Server-Sent Events.",
            description = """
                    The thread's live events as Server-Sent Events: comment.created, comment.updated, \
                    comment.deleted, comment.removed (data: the comment as the API shows it), thread.locked, \
                    thread.unlocked (data: the thread), each with an increasing id. Events after `Last-Event-ID` (or \
                    `after`, a thread view's lastEventId) are replayed first; without either the stream starts now. \
                    A `reload` event means the missed events are no longer kept: read the thread again. Comment lines \
                    keep an idle stream open. 429 when the caller's address holds FORUM_EVENTS_PER_ADDRESS streams, \
                    503 when this instance holds all it can; both with Retry-After.""",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The event stream, open until the client closes it",
                            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM,
                                    schema = @Schema(type = "string", description = "text/event-stream lines"))),
                    @ApiResponse(responseCode = "400", ref = BAD_REQUEST),
                    @ApiResponse(responseCode = "404", ref = NOT_FOUND),
                    @ApiResponse(responseCode = "429", ref = TOO_MANY_REQUESTS)})
    @Get(value = "/api/v1/threads/{threadId}/events", produces = MediaType.TEXT_EVENT_STREAM)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<Publisher<Event<String>>> events(@PathVariable String threadId,
                                                  @Parameter(description = "The id of the last event the client got "
                                                          + "(browsers send it when they reconnect)")
                                                  @Nullable @Header("Last-Event-ID") String lastEventId,
                                                  @Parameter(description = "A thread view's lastEventId: the stream "
                                                          + "starts with the events after it", schema = @Schema(
                                                          type = "integer", format = "int64", minimum = "0"))
                                                  @Nullable @QueryValue String after);
}
