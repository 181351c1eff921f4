package news.forum.live;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import news.forum.http.CurrentRequest;
import news.forum.throttle.TokenBuckets;
import news.forum.web.ClientAddresses;
import news.forum.web.ProblemException;
import news.forum.web.PublicIds;
import org.reactivestreams.Publisher;

import static news.forum.web.PublicIds.Kind.THREAD;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class ThreadEventController implements ThreadEventOperations {

    private final PublicIds ids;
    private final EventOutbox outbox;
    private final LiveHub hub;
    private final LiveSettings settings;
    private final StreamAdmission admission;
    private final ClientAddresses clientAddresses;
    private final CurrentRequest current;

    ThreadEventController(PublicIds ids, EventOutbox outbox, LiveHub hub, LiveSettings settings,
                          StreamAdmission admission, ClientAddresses clientAddresses, CurrentRequest current) {
        this.ids = ids;
        this.outbox = outbox;
        this.hub = hub;
        this.settings = settings;
        this.admission = admission;
        this.clientAddresses = clientAddresses;
        this.current = current;
    }

    @Override
    public HttpResponse<Publisher<Event<String>>> events(String threadId, @Nullable String lastEventId,
                                                         @Nullable String after) {
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
                ? hub.open(thread, from, admission.admit(TokenBuckets.subject(clientAddresses.of(current.request()))))
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
