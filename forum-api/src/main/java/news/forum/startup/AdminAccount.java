package news.forum.startup;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import news.forum.account.AccountService;
import news.forum.account.AccountTransfer;
import news.forum.account.Role;
import news.forum.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the first ADMIN from FORUM_ADMIN_USERNAME / FORUM_ADMIN_PASSWORD when no account has that name, and makes
 * that account an ADMIN again when it has lost the role and the password is its own (the documented recovery).
 */
@Singleton
@Requires(property = "forum.admin.password", pattern = ".+")
class AdminAccount implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(AdminAccount.class);

    private final AccountService accounts;
    private final AccountTransfer transfer;
    private final String username;
    private final String password;

    AdminAccount(AccountService accounts, AccountTransfer transfer, @Value("${forum.admin.username:admin}") String username,
                 @Value("${forum.admin.password}") String password) {
        this.accounts = accounts;
        this.transfer = transfer;
        this.username = username;
        this.password = password;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (accounts.findByUsername(username).isPresent()) {
            // moved in by `import forum`, which carries no password hashes: the operator's password lets it in again
            if (transfer.givePasswordIfNone(username, password)) {
                LOG.info("Gave the account '{}' (moved in without a password) the password of FORUM_ADMIN_PASSWORD", username);
            }
            if (accounts.restoreAdmin(username, password)) {
                LOG.warn("The account '{}' is an ADMIN again (FORUM_ADMIN_USERNAME and FORUM_ADMIN_PASSWORD)", username);
            } else if (accounts.findByUsername(username).filter(a -> a.role() == Role.ADMIN).isEmpty()) {
                LOG.warn("The account '{}' is not an ADMIN and its password is not FORUM_ADMIN_PASSWORD: left as it is",
                        username);
            }
            return;
        }
        try {
            accounts.create(username, password, null, Role.ADMIN)
                    .ifPresent(admin -> LOG.info("Created the ADMIN account '{}'", admin.username()));
        } catch (ProblemException e) {
            if (e.status() == io.micronaut.http.HttpStatus.CONFLICT) {
                // another instance starting at the same moment created it first
                return;
            }
            throw new ConfigurationException("FORUM_ADMIN_USERNAME / FORUM_ADMIN_PASSWORD refused: " + e.getMessage());
        }
    }
}
