package news.forum.live;

import io.micronaut.http.sse.Event;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * This instance's open event streams, grouped by thread. When PostgreSQL notifies that a thread has new events (the
 * listener), the hub reads them once from the outbox, renders them once, and offers the same event to every stream of
 * that thread. One fan-out thread does all reading and registering, in order, so a stream that joins while events
 * arrive neither misses nor repeats one; heartbeats come from one timer. No thread and no connection per stream.
 */
@Singleton
public class LiveHub implements LiveStream.Owner, GracefulShutdownCapable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveHub.class);
    // well under a stream's buffer: a burst read at once must not look like a client that stopped reading
    private static final int BATCH = 100;
    private static final Event<String> HEARTBEAT = Event.of("").comment("heartbeat");
    private static final Event<String> OPENED = Event.of("").comment("live");

    /** The streams of one thread here, and the last event id this instance has read for it. */
    private static final class Topic {
        final long threadId;
        final Set<LiveStream> streams = ConcurrentHashMap.newKeySet();
        final AtomicBoolean readScheduled = new AtomicBoolean();
        volatile long deliveredSeq;

        Topic(long threadId, long deliveredSeq) {
            this.threadId = threadId;
            this.deliveredSeq = deliveredSeq;
        }
    }

    private final EventRenderer renderer;
    private final LiveSettings settings;
    private final Map<Long, Topic> topics = new ConcurrentHashMap<>();
    private final AtomicInteger streamCount = new AtomicInteger();
    private final ExecutorService fanOut = Executors.newSingleThreadExecutor(daemon("forum-live-fan-out"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("forum-live-timer"));
    private volatile boolean closing;

    LiveHub(EventRenderer renderer, LiveSettings settings) {
        this.renderer = renderer;
        this.settings = settings;
        long every = settings.heartbeat().toMillis();
        timer.scheduleWithFixedDelay(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * A stream of the thread's events after {@code afterSeq}; it joins the hub when the server subscribes to it, and
     * gives its permit back when it ends.
     */
    LiveStream open(long threadId, long afterSeq, StreamAdmission.Permit permit) {
        return new LiveStream(this, threadId, afterSeq, settings.buffer(), settings.replayLimit(), permit);
    }

    @Override
    public void attach(LiveStream stream) {
        if (closing) {
            stream.finish();
            return;
        }
        submit(() -> register(stream));
    }

    @Override
    public void detach(LiveStream stream) {
        submit(() -> unregister(stream));
    }

    /** Event streams open on this instance now (a gauge of the metrics). */
    public int openStreams() {
        return streamCount.get();
    }

    /** From the listener: the thread has events up to {@code seq}. */
    void notified(long threadId, long seq) {
        Topic topic = topics.get(threadId);
        if (topic != null && seq > topic.deliveredSeq) {
            scheduleRead(topic, false);
        }
    }

    /** From the listener, after (re)connecting: notices may have been lost, so every followed thread is read again. */
    void catchUpAll() {
        topics.values().forEach(topic -> scheduleRead(topic, true));
    }

    // ---- on the fan-out thread

    private void register(LiveStream stream) {
        if (stream.over()) {
            return;
        }
        Topic topic = topics.get(stream.threadId());
        boolean fresh = topic == null;
        if (fresh) {
            topic = new Topic(stream.threadId(), stream.lastSeq);
            topics.put(stream.threadId(), topic);
        }
        if (!topic.streams.add(stream)) {
            return;
        }
        streamCount.incrementAndGet();
        stream.offer(OPENED);
        if (stream.lastSeq < topic.deliveredSeq) {
            catchUp(stream, topic.deliveredSeq);
        }
        if (fresh) {
            // what the stream missed, and notices that came before this thread had a stream here
            read(topic, true);
        }
    }

    private void unregister(LiveStream stream) {
        Topic topic = topics.get(stream.threadId());
        if (topic != null && topic.streams.remove(stream)) {
            streamCount.decrementAndGet();
            if (topic.streams.isEmpty()) {
                topics.remove(stream.threadId());
            }
        }
    }

    /** A stream that joined behind this instance: what it missed, up to where the others are, from the outbox. */
    private void catchUp(LiveStream stream, long upTo) {
        try {
            while (stream.lastSeq < upTo) {
                EventRenderer.Batch batch = renderer.after(stream.threadId(), stream.lastSeq, BATCH);
                if (batch.empty() || batch.firstSeq() != stream.lastSeq + 1) {
                    stream.reload();
                    return;
                }
                for (EventRenderer.LiveEvent event : batch.events()) {
                    if (event.seq() <= upTo) {
                        stream.replay(event.event());
                    }
                }
                stream.lastSeq = Math.min(batch.lastSeq(), upTo);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not replay the events of thread {} to a new stream; it reconnects", stream.threadId(), e);
            stream.finish();
        }
    }

    private void scheduleRead(Topic topic, boolean catchingUp) {
        if (catchingUp) {
            submit(() -> {
                if (topics.get(topic.threadId) == topic) {
                    read(topic, true);
                }
            });
        } else if (topic.readScheduled.compareAndSet(false, true)) {
            submit(() -> {
                topic.readScheduled.set(false);
                if (topics.get(topic.threadId) == topic) {
                    read(topic, false);
                }
            });
        }
    }

    /**
     * Reads the thread's new events once and offers each to every stream that has not had it; {@code catchingUp}
     * when they were missed (a new stream, a lost connection), so that a backlog is not taken for a slow client.
     */
    private void read(Topic topic, boolean catchingUp) {
        try {
            boolean more = true;
            while (more) {
                EventRenderer.Batch batch = renderer.after(topic.threadId, topic.deliveredSeq, BATCH);
                if (batch.empty()) {
                    return;
                }
                if (batch.firstSeq() != topic.deliveredSeq + 1) {
                    // pruned before this instance read them: nobody here can be brought up to date
                    LOG.warn("Events {} to {} of thread {} were pruned before delivery; its streams are told to reload",
                            topic.deliveredSeq + 1, batch.firstSeq() - 1, topic.threadId);
                    topic.streams.forEach(LiveStream::reload);
                }
                for (LiveStream stream : topic.streams) {
                    for (EventRenderer.LiveEvent event : batch.events()) {
                        if (event.seq() > stream.lastSeq
                                && !(catchingUp ? stream.replay(event.event()) : stream.offer(event.event()))) {
                            break;
                        }
                    }
                    stream.lastSeq = Math.max(stream.lastSeq, batch.lastSeq());
                }
                topic.deliveredSeq = batch.lastSeq();
                more = batch.more();
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not read the events of thread {}; trying again shortly", topic.threadId, e);
            timer.schedule(() -> scheduleRead(topic, true), 1, TimeUnit.SECONDS);
        }
    }

    // ---- timer

    private void heartbeat() {
        for (Topic topic : topics.values()) {
            for (LiveStream stream : topic.streams) {
                stream.heartbeat(HEARTBEAT);
            }
        }
    }

    private void submit(Runnable task) {
        try {
            fanOut.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shutting down: the streams are being finished
        }
    }

    /** On SIGTERM: every stream ends now, so the server need not wait for them; clients reconnect elsewhere. */
    @Override
    public CompletionStage<?> shutdownGracefully() {
        closing = true;
        List<LiveStream> open = topics.values().stream().flatMap(t -> t.streams.stream()).toList();
        if (streamCount.get() > 0) {
            LOG.info("Ending {} live event streams; their clients resume elsewhere with Last-Event-ID", streamCount.get());
        }
        open.forEach(LiveStream::finish);
        return CompletableFuture.completedFuture(null);
    }

    @PreDestroy
    void close() {
        closing = true;
        timer.shutdownNow();
        fanOut.shutdownNow();
        topics.values().forEach(t -> t.streams.forEach(LiveStream::finish));
        topics.clear();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
