package news.forum.startup;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import news.forum.account.DemoAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every start without demo mode: the demo accounts a former demo start made (their passwords were in its log) sign in no more. */
@Singleton
@Requires(property = DemoMode.PROPERTY, notEquals = "true")
class DemoLockout implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoLockout.class);

    private final DemoAccounts demoAccounts;

    DemoLockout(DemoAccounts demoAccounts) {
        this.demoAccounts = demoAccounts;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        int locked = demoAccounts.lockOut();
        if (locked > 0) {
            LOG.info("Demo mode is off: {} demo accounts locked out (a start with --demo gives them new passwords)", locked);
        }
    }
}
