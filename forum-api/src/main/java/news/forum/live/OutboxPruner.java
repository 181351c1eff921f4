package news.forum.live;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes outbox events older than forum.events.retention. Every instance runs it; deleting twice costs nothing. A
 * client asking for a pruned event is told to reload.
 */
@Singleton
class OutboxPruner {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxPruner.class);
    private static final int BATCH = 10_000;

    private final EventOutbox outbox;
    private final LiveSettings settings;

    OutboxPruner(EventOutbox outbox, LiveSettings settings) {
        this.outbox = outbox;
        this.settings = settings;
    }

    @Scheduled(fixedDelay = "${forum.events.prune-interval:1m}", initialDelay = "${forum.events.prune-interval:1m}")
    void scheduled() {
        try {
            prune();
        } catch (RuntimeException e) {
            LOG.warn("Could not prune old live events; trying again later: {}", e.getMessage());
        }
    }

    /** Returns how many events were removed. */
    int prune() {
        int total = 0;
        for (int removed = BATCH; removed == BATCH; total += removed) {
            removed = outbox.prune(settings.retention(), BATCH);
        }
        return total;
    }
}
