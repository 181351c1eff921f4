package news.forum.sso;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Forgets the ids of expired sign-in tokens (an expired token is refused for its expiry anyway). Every instance runs it. */
@Singleton
class SsoPruner {

    private static final Logger LOG = LoggerFactory.getLogger(SsoPruner.class);
    private static final int BATCH = 10_000;

    private final SsoReplays replays;

    SsoPruner(SsoReplays replays) {
        this.replays = replays;
    }

    @Scheduled(fixedDelay = "${forum.sso.prune-interval:5m}", initialDelay = "${forum.sso.prune-interval:5m}")
    void scheduled() {
        try {
            int removed;
            do {
                removed = pruneBatch();
            } while (removed == BATCH);
        } catch (RuntimeException e) {
            LOG.warn("Could not forget expired sign-in tokens; trying again later: {}", e.getMessage());
        }
    }

    @Transactional
    protected int pruneBatch() {
        return replays.prune(BATCH);
    }
}
