package news.forum.live;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/** forum.events in application.yml. */
@Singleton
final class LiveSettings {

    private final Duration retention;
    private final Duration heartbeat;
    private final int buffer;
    private final int replayLimit;
    private final Duration reconnectBackoffMax;

    LiveSettings(@Value("${forum.events.retention:1h}") Duration retention,
                 @Value("${forum.events.heartbeat:20s}") Duration heartbeat,
                 @Value("${forum.events.buffer:256}") int buffer,
                 @Value("${forum.events.replay-limit:1000}") int replayLimit,
                 @Value("${forum.events.reconnect-backoff-max:10s}") Duration reconnectBackoffMax) {
        this.retention = retention;
        this.heartbeat = heartbeat;
        this.buffer = Math.max(2, buffer);
        this.replayLimit = Math.max(1, replayLimit);
        this.reconnectBackoffMax = reconnectBackoffMax;
    }

    /** How long the outbox keeps an event for clients that reconnect. */
    Duration retention() {
        return retention;
    }

    /** How often an idle stream gets a comment line, so proxies and the idle timeout leave it open. */
    Duration heartbeat() {
        return heartbeat;
    }

    /** Events one stream may have waiting to be written before it is dropped with a reload hint. */
    int buffer() {
        return buffer;
    }

    /** At most this many missed events are replayed on reconnect; more, and the client is told to reload. */
    int replayLimit() {
        return replayLimit;
    }

    Duration reconnectBackoffMax() {
        return reconnectBackoffMax;
    }
}
