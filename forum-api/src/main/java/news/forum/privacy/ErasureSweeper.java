package news.forum.privacy;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import news.forum.account.AccountDeletion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Finishes account deletions that a restart (or a failure) interrupted: the account was emptied at once, its
 * comments, votes and flags are taken apart here. Every instance runs it; the steps are repeatable.
 */
@Singleton
class ErasureSweeper {

    private static final Logger LOG = LoggerFactory.getLogger(ErasureSweeper.class);

    private final AccountDeletion deletion;
    private final AccountLeaving leaving;

    ErasureSweeper(AccountDeletion deletion, AccountLeaving leaving) {
        this.deletion = deletion;
        this.leaving = leaving;
    }

    @Scheduled(initialDelay = "${forum.erasure.sweep-delay:30s}", fixedDelay = "${forum.erasure.sweep-interval:10m}")
    void sweep() {
        long after = 0;
        try {
            for (List<Long> pending = deletion.pending(after, 100); !pending.isEmpty(); pending = deletion.pending(after, 100)) {
                for (long accountId : pending) {
                    leaving.finish(accountId);
                    after = accountId;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not finish an account's deletion; trying again later: {}", e.getMessage());
        }
    }
}
