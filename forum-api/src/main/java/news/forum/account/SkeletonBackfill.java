package news.forum.account;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Gives accounts made before V8 their confusable skeleton, at every start and idempotently (only null ones,
 * under an advisory lock so that instances starting together do not race). An old account whose skeleton an
 * earlier account already holds keeps a null one and is logged: renaming people is an administrator's call.
 */
@Singleton
class SkeletonBackfill implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(SkeletonBackfill.class);
    private static final int BATCH = 500;

    private final AccountRepository accounts;

    SkeletonBackfill(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        run();
    }

    /** How many accounts got their skeleton. */
    @Transactional
    public int run() {
        accounts.lockSkeletonBackfill();
        int filled = 0;
        long after = 0;
        List<AccountRepository.UnskeletonedAccount> batch;
        do {
            batch = accounts.withoutSkeleton(after, BATCH);
            for (AccountRepository.UnskeletonedAccount account : batch) {
                after = account.id();
                if (accounts.setSkeletonIfFree(account.id(), UsernameRules.skeleton(account.username())) == 1) {
                    filled++;
                } else {
                    LOG.warn("Account {} ('{}') looks like an earlier account's name; its skeleton stays empty",
                            account.id(), account.username());
                }
            }
        } while (batch.size() == BATCH);
        if (filled > 0) {
            LOG.info("Stored the confusable skeleton of {} existing accounts", filled);
        }
        return filled;
    }
}
