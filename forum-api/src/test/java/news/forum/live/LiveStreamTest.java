package news.forum.live;

import io.micronaut.http.sse.Event;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A stream holds at most its buffer for a client that does not read; past it, the client gets a reload hint. */
class LiveStreamTest {

    /** Records what the stream hands over; asks for more only when told to, like a client that stopped reading. */
    private static final class Reader implements Subscriber<Event<String>> {
        final List<String> received = new ArrayList<>();
        Subscription subscription;
        boolean completed;

        @Override
        public void onSubscribe(Subscription s) {
            subscription = s;
        }

        @Override
        public void onNext(Event<String> event) {
            received.add(event.getName() == null ? event.getData() : event.getName());
        }

        @Override
        public void onError(Throwable t) {
            throw new AssertionError(t);
        }

        @Override
        public void onComplete() {
            completed = true;
        }
    }

    private static final class Hub implements LiveStream.Owner {
        final List<LiveStream> attached = new ArrayList<>();
        final List<LiveStream> detached = new ArrayList<>();

        @Override
        public void attach(LiveStream stream) {
            attached.add(stream);
        }

        @Override
        public void detach(LiveStream stream) {
            detached.add(stream);
        }
    }

    private final Hub hub = new Hub();

    /** A stream of buffer 4 and replay limit 8, attached to the test's hub, read by {@code reader}. */
    private LiveStream subscribed(Reader reader) {
        LiveStream stream = new LiveStream(hub, 1, 0, 4, 8, null);
        stream.subscribe(reader);
        return stream;
    }

    @Test
    void aClientThatStopsReadingIsDroppedWithAReloadHintOnceItsBufferIsFull() {
        Reader reader = new Reader();
        LiveStream stream = subscribed(reader);
        assertThat(hub.attached).containsExactly(stream);

        reader.subscription.request(1);
        assertThat(stream.offer(Event.of("e1"))).isTrue();
        assertThat(reader.received).containsExactly("e1");
        for (int i = 2; i <= 5; i++) {
            assertThat(stream.offer(Event.of("e" + i))).as("waiting: e%d", i).isTrue();
        }
        assertThat(stream.offer(Event.of("e6"))).as("the fifth waiting event overflows").isFalse();
        assertThat(stream.offer(Event.of("e7"))).isFalse();
        assertThat(hub.detached).containsExactly(stream);

        reader.subscription.request(10);
        assertThat(reader.received).containsExactly("e1", "reload");
        assertThat(reader.completed).isTrue();
    }

    @Test
    void aReadingClientGetsEveryEventInOrderAndHeartbeatsOnlyWhenIdle() {
        Reader reader = new Reader();
        LiveStream stream = subscribed(reader);
        stream.offer(Event.of("e1"));
        stream.heartbeat(Event.of("").name("beat"));
        reader.subscription.request(Long.MAX_VALUE);
        stream.heartbeat(Event.of("").name("beat"));
        for (int i = 2; i <= 20; i++) {
            stream.offer(Event.of("e" + i));
        }
        assertThat(reader.received).hasSize(21).startsWith("e1", "beat", "e2").endsWith("e20");
        stream.finish();
        assertThat(reader.completed).isTrue();
        assertThat(stream.offer(Event.of("late"))).isFalse();
    }

    @Test
    void eventsReplayedToAReconnectingClientDoNotCountAgainstItsBufferButStillHaveALimit() {
        Reader reader = new Reader();
        LiveStream stream = subscribed(reader);
        for (int i = 1; i <= 8; i++) {
            assertThat(stream.replay(Event.of("r" + i))).isTrue();
        }
        for (int i = 1; i <= 4; i++) {
            assertThat(stream.offer(Event.of("e" + i))).as("live behind the replay: e%d", i).isTrue();
        }
        assertThat(stream.offer(Event.of("e5"))).isFalse();
        assertThat(hub.detached).containsExactly(stream);
        reader.subscription.request(100);
        assertThat(reader.received).containsExactly("reload");

        LiveStream flooded = subscribed(new Reader());
        for (int i = 1; i <= 12; i++) {
            assertThat(flooded.replay(Event.of("r" + i))).isTrue();
        }
        assertThat(flooded.replay(Event.of("r13"))).as("past buffer and replay limit").isFalse();
    }

    @Test
    void aCancelledStreamLeavesTheHubAndKeepsNothing() {
        Reader reader = new Reader();
        LiveStream stream = subscribed(reader);
        stream.offer(Event.of("e1"));
        reader.subscription.cancel();
        assertThat(hub.detached).containsExactly(stream);
        assertThat(stream.offer(Event.of("e2"))).isFalse();
        reader.subscription.request(5);
        assertThat(reader.received).isEmpty();
    }
}
