package news.forum.live;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import news.forum.throttle.TokenBuckets;
import news.forum.web.ClientAddresses;
import news.forum.web.ProblemException;
import news.forum.web.PublicIds;
import org.reactivestreams.Publisher;

import static news.forum.web.PublicIds.Kind.THREAD;

@Controller("/api/v1/threads/{threadId}/events")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Threads")
class ThreadEventController {

    private final PublicIds ids;
    private final EventOutbox outbox;
    private final LiveHub hub;
    private final LiveSettings settings;
    private final StreamAdmission admission;
    private final ClientAddresses clientAddresses;

    ThreadEventController(PublicIds ids, EventOutbox outbox, LiveHub hub, LiveSettings settings,
                          StreamAdmission admission, ClientAddresses clientAddresses) {
        this.ids = ids;
        this.outbox = outbox;
        this.hub = hub;
        this.settings = settings;
        this.admission = admission;
        this.clientAddresses = clientAddresses;
    }

    /**
     * The thread's live events as Server-Sent Events: comment.created, comment.updated, comment.deleted,
     * comment.removed (data: the comment as the API shows it), thread.locked, thread.unlocked (data: the thread),
     * each with an increasing id. Events after {@code Last-Event-ID} (or {@code after}, a thread view's lastEventId)
     * are replayed first; without either the stream starts now. A {@code reload} event means the missed events are
     * no longer kept: read the thread again. Comment lines keep an idle stream open. 429 when the caller's address
     * holds FORUM_EVENTS_PER_ADDRESS streams, 503 when this instance holds all it can; both with Retry-After.
     */
    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<Publisher<Event<String>>> events(@PathVariable String threadId,
                                                  @Nullable @Header("Last-Event-ID") String lastEventId,
                                                  @Nullable @QueryValue String after, HttpRequest<?> request) {
        long thread = ids.parse(THREAD, threadId);
        EventOutbox.Position position = outbox.position(thread).orElseThrow(() -> ProblemException.notFound("The thread"));
        Long from;
        if (lastEventId != null && !lastEventId.isBlank()) {
            // the browser repeats the last id it was given; one that is not ours cannot be continued from
            from = eventId(lastEventId);
        } else if (after != null && !after.isEmpty()) {
            from = eventId(after);
            if (from == null) {
                throw ProblemException.invalidField("after", "must be an event id (a thread's lastEventId)");
            }
        } else {
            from = position.lastSeq();
        }
        boolean replayable = from != null && position.keepsEverythingAfter(from)
                && position.lastSeq() - from <= settings.replayLimit();
        LiveStream stream = replayable
                ? hub.open(thread, from, admission.admit(TokenBuckets.subject(clientAddresses.of(request))))
                : LiveStream.reloadOnly(thread);
        return HttpResponse.ok((Publisher<Event<String>>) stream)
                .contentType(MediaType.TEXT_EVENT_STREAM_TYPE)
                .header("Cache-Control", "no-store")
                // nginx: pass each event on at once instead of buffering the response
                .header("X-Accel-Buffering", "no");
    }

    private static Long eventId(String text) {
        if (text.length() > 18 || text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Long.parseLong(text);
    }
}
