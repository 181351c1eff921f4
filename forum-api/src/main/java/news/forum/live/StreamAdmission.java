package news.forum.live;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import news.forum.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many event streams this instance holds open: each is a connection, so a file descriptor, and a process that
 * runs out of them can accept nothing more (every other reader's request then times out). At most
 * {@code FORUM_EVENTS_PER_ADDRESS} from one client address (IPv6: one /64), beyond which a new stream is 429; and in
 * total what the process's own descriptor limit leaves once the descriptors in use at start, the database pool and a
 * reserve for ordinary requests are set aside (or {@code FORUM_EVENTS_MAX_STREAMS}, if lower), beyond which a new
 * stream is 503. Both with Retry-After; streams already open are never touched.
 */
@Context
final class StreamAdmission {

    private static final Logger LOG = LoggerFactory.getLogger(StreamAdmission.class);
    /** A reader refused a stream tries again after this; EventSource itself waits a few seconds. */
    private static final Duration RETRY = Duration.ofSeconds(30);

    /** One admitted stream; release it once the stream has ended (again is harmless). */
    static final class Permit {
        private final Runnable release;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(Runnable release) {
            this.release = release;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                release.run();
            }
        }
    }

    private final int perAddress;
    private final int total;
    private final Map<String, Integer> byAddress = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();

    StreamAdmission(@Value("${forum.events.per-address:20}") int perAddress,
                    @Value("${forum.events.max-streams:0}") int maxStreams,
                    @Value("${datasources.default.maximum-pool-size:16}") int poolSize) {
        this.perAddress = Math.max(1, perAddress);
        long[] descriptors = descriptors();
        long fromLimit = descriptors == null ? Integer.MAX_VALUE : fromDescriptors(descriptors[0], descriptors[1], poolSize);
        this.total = (int) Math.min(maxStreams > 0 ? maxStreams : Integer.MAX_VALUE, fromLimit);
        if (descriptors == null) {
            LOG.info("Live events: at most {} streams, {} per client address", total, this.perAddress);
        } else {
            LOG.info("Live events: at most {} streams, {} per client address (file descriptor limit {}, {} in use at start)",
                    total, this.perAddress, descriptors[0], descriptors[1]);
        }
    }

    /**
     * What the descriptor limit leaves for streams: the limit less those in use, the pool (and the listener's
     * connection), and a reserve for requests and new connections of a quarter of the limit, at least 64.
     */
    static long fromDescriptors(long limit, long inUse, int poolSize) {
        long reserve = Math.max(64, limit / 4);
        return Math.max(0, Math.min(Integer.MAX_VALUE, limit - inUse - (poolSize + 1) - reserve));
    }

    /** The stream's permit, or a 429 (this address holds enough) or 503 (this instance does) with Retry-After. */
    Permit admit(String address) {
        if (open.incrementAndGet() > total) {
            open.decrementAndGet();
            throw ProblemException.unavailable("too-many-streams", "Too many live streams",
                    "This server holds as many live streams as it can; try again later, or read without live updates.",
                    RETRY);
        }
        boolean[] refused = new boolean[1];
        byAddress.compute(address, (key, count) -> {
            int held = count == null ? 0 : count;
            if (held >= perAddress) {
                refused[0] = true;
                return count;
            }
            return held + 1;
        });
        if (refused[0]) {
            open.decrementAndGet();
            throw ProblemException.tooManyRequests("too-many-streams", "Too many live streams",
                    "Your network address holds " + perAddress + " live streams already; close one, or try again later.",
                    RETRY);
        }
        return new Permit(() -> {
            byAddress.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
            open.decrementAndGet();
        });
    }

    /** The limit and the count in use, where the platform tells them. */
    private static long[] descriptors() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return new long[]{unix.getMaxFileDescriptorCount(), unix.getOpenFileDescriptorCount()};
        }
        return null;
    }
}
