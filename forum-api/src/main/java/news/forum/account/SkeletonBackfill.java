package news.forum.account;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.ToIntFunction;

/**
 * Gives accounts made before V8 their confusable skeleton, and before V55 their display name key, at every start
 * and idempotently (only null ones,
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
        fillDisplayNameKeys();
    }

    /** How many accounts got their skeleton. */
    @Transactional
    public int run() {
        accounts.lockSkeletonBackfill();
        return fill("confusable skeleton", accounts::withoutSkeleton,
                account -> accounts.setSkeletonIfFree(account.id(), UsernameRules.skeleton(account.name())));
    }

    /** The same for display names made before V55: one that passes for an earlier account's keeps a null key. */
    @Transactional
    public int fillDisplayNameKeys() {
        accounts.lockSkeletonBackfill();
        return fill("display name key", accounts::withoutDisplayNameKey,
                account -> accounts.setDisplayNameKeyIfFree(account.id(), DisplayNameRules.key(account.name())));
    }

    /** Batch by batch in id order; {@code set} answers 0 when an earlier account holds the key (logged, left empty). */
    private int fill(String what, BiFunction<Long, Integer, List<AccountRepository.AccountName>> batchAfter,
                     ToIntFunction<AccountRepository.AccountName> set) {
        int filled = 0;
        long after = 0;
        List<AccountRepository.AccountName> batch;
        do {
            batch = batchAfter.apply(after, BATCH);
            for (AccountRepository.AccountName account : batch) {
                after = account.id();
                if (set.applyAsInt(account) == 1) {
                    filled++;
                } else {
                    LOG.warn("Account {} ('{}') looks like an earlier account's name; its {} stays empty",
                            account.id(), account.name(), what);
                }
            }
        } while (batch.size() == BATCH);
        if (filled > 0) {
            LOG.info("Stored the {} of {} existing accounts", what, filled);
        }
        return filled;
    }
}
