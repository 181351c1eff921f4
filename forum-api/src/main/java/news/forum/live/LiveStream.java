package news.forum.live;

import io.micronaut.http.sse.Event;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client's event stream: a Reactive Streams publisher that the HTTP server subscribes to and writes as its
 * client reads. It holds a small bounded queue and no thread: events are offered by the instance's fan-out, written
 * when the server asks for more. A client that reads too slowly for its queue gets one {@code reload} event and its
 * stream ends, instead of making the server hold ever more for it. Events replayed to a client that reconnects (at
 * most the replay limit) do not count against its queue while they wait; live events queue behind them.
 */
final class LiveStream implements Publisher<Event<String>>, Subscription {

    /** What the hub needs to hear from a stream. */
    interface Owner {
        void attach(LiveStream stream);

        void detach(LiveStream stream);
    }

    static final Event<String> RELOAD = Event.of("{}").name("reload");

    private final Owner owner;
    private final long threadId;
    private final int capacity;
    private final int replayLimit;
    /** Room taken by replayed events still waiting; it shrinks as they are written. */
    private int grace;
    private final Object lock = new Object();
    private final AtomicInteger drains = new AtomicInteger();
    // the queue is made on the first event: most streams sit idle
    private ArrayDeque<Event<String>> queue;
    private Subscriber<? super Event<String>> subscriber;
    private long demand;
    private boolean finishing;
    private boolean finished;
    private volatile boolean cancelled;
    /** The last event id this stream was given; read and written by the hub's fan-out thread only. */
    long lastSeq;
    /** Its place among the instance's streams, given back when it ends (cancelled or completed); null for none. */
    private final StreamAdmission.Permit permit;

    LiveStream(Owner owner, long threadId, long lastSeq, int capacity, int replayLimit, StreamAdmission.Permit permit) {
        this.owner = owner;
        this.threadId = threadId;
        this.lastSeq = lastSeq;
        this.capacity = capacity;
        this.replayLimit = replayLimit;
        this.permit = permit;
    }

    /** A stream that only tells its client to reload (what it missed is no longer kept). */
    static LiveStream reloadOnly(long threadId) {
        LiveStream stream = new LiveStream(null, threadId, 0, 1, 0, null);
        stream.queue = new ArrayDeque<>(1);
        stream.queue.add(RELOAD);
        stream.finishing = true;
        return stream;
    }

    long threadId() {
        return threadId;
    }

    @Override
    public void subscribe(Subscriber<? super Event<String>> s) {
        synchronized (lock) {
            if (subscriber != null) {
                // a second subscriber is refused; the first still holds the permit
                s.onSubscribe(this);
                s.onError(new IllegalStateException("an event stream has one subscriber"));
                return;
            }
            subscriber = s;
        }
        s.onSubscribe(this);
        if (owner != null && !finishing) {
            owner.attach(this);
        }
        drain();
    }

    @Override
    public void request(long n) {
        if (n <= 0) {
            cancel();
            return;
        }
        synchronized (lock) {
            demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
        }
        drain();
    }

    @Override
    public void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        synchronized (lock) {
            queue = null;
        }
        if (owner != null) {
            owner.detach(this);
        }
        releasePermit();
    }

    private void releasePermit() {
        if (permit != null) {
            permit.release();
        }
    }

    /** Cancelled by its client, or ending. */
    boolean over() {
        synchronized (lock) {
            return cancelled || finishing;
        }
    }

    /** Queues a live event; false when the stream is over (finished, cancelled, or just dropped for being too slow). */
    boolean offer(Event<String> event) {
        return add(event, false);
    }

    /** Queues an event the client missed (reconnecting, or after an outage); false when the stream is over. */
    boolean replay(Event<String> event) {
        return add(event, true);
    }

    private boolean add(Event<String> event, boolean replayed) {
        boolean dropped = false;
        synchronized (lock) {
            if (finishing || cancelled) {
                return false;
            }
            if (queue == null) {
                queue = new ArrayDeque<>(4);
            }
            if (queue.size() >= capacity + (replayed ? replayLimit : grace)) {
                queue.clear();
                queue.add(RELOAD);
                finishing = true;
                dropped = true;
            } else {
                queue.add(event);
                if (replayed) {
                    grace = Math.max(grace, queue.size());
                }
            }
        }
        if (dropped && owner != null) {
            owner.detach(this);
        }
        drain();
        return !dropped;
    }

    /** A comment line for an idle stream; nothing when events are waiting anyway. */
    void heartbeat(Event<String> comment) {
        synchronized (lock) {
            if (queue != null && !queue.isEmpty()) {
                return;
            }
        }
        offer(comment);
    }

    /** Tells the client to reload and ends the stream (what it missed cannot be replayed). */
    void reload() {
        synchronized (lock) {
            if (finishing || cancelled) {
                return;
            }
            if (queue == null) {
                queue = new ArrayDeque<>(1);
            }
            queue.clear();
            queue.add(RELOAD);
            finishing = true;
        }
        if (owner != null) {
            owner.detach(this);
        }
        drain();
    }

    /** Ends the stream after what is queued; the client reconnects with Last-Event-ID (to another instance). */
    void finish() {
        synchronized (lock) {
            finishing = true;
        }
        drain();
    }

    /** Hands queued events to the subscriber within its demand; one thread at a time, the others leave it work. */
    private void drain() {
        if (drains.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        while (true) {
            while (true) {
                Event<String> next = null;
                boolean complete = false;
                Subscriber<? super Event<String>> target;
                synchronized (lock) {
                    target = subscriber;
                    if (target == null || cancelled || finished) {
                        break;
                    }
                    if (queue != null && !queue.isEmpty()) {
                        if (demand == 0) {
                            break;
                        }
                        next = queue.poll();
                        grace = Math.min(grace, queue.size());
                        if (demand != Long.MAX_VALUE) {
                            demand--;
                        }
                    } else if (finishing) {
                        finished = true;
                        complete = true;
                    } else {
                        break;
                    }
                }
                if (complete) {
                    releasePermit();
                    target.onComplete();
                    break;
                }
                target.onNext(next);
            }
            missed = drains.addAndGet(-missed);
            if (missed == 0) {
                return;
            }
        }
    }
}
