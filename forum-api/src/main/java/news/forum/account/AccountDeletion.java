package news.forum.account;

import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import news.forum.audit.AuditLog;
import news.forum.web.ProblemException;

import java.util.List;
import java.util.Optional;

/**
 * The account side of an owner leaving: the row is emptied at once (no password, identity at the publisher, e-mail,
 * role or session is left; only the name stays, reserved) and marked while the rest of its data is taken apart by
 * the packages that own it; {@link #done} clears the mark. Also the account's own record for its data export.
 */
@Singleton
public class AccountDeletion {

    private final AccountRepository accounts;
    private final AuditLog audit;

    AccountDeletion(AccountRepository accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    /**
     * Irreversible. The last ADMIN cannot leave (409 last-admin, as it cannot be demoted): nobody could administer the
     * forum after. As a demotion does, it locks every ADMIN row first and reads its own role under that lock, so of
     * two administrators leaving, or one leaving while demoting the other, at once, one stays.
     */
    @Transactional
    public void begin(long accountId) {
        int admins = accounts.lockAdmins();
        Caller caller = accounts.lockLive(accountId)
                .orElseThrow(() -> ProblemException.unauthorized("Sign in again: this token does not belong to an existing account."));
        if (caller.role() == Role.ADMIN && admins <= 1) {
            throw ProblemException.conflict("last-admin", "The last administrator",
                    "This is the only administrator: appoint another before deleting this account.");
        }
        accounts.markDeleted(accountId);
        audit.record(accountId, "account.delete", "account", accountId, null);
    }

    /** Deleted accounts whose data is still being taken apart (a restart resumes them). */
    @ReadOnly
    public List<Long> pending(long afterId, int limit) {
        return accounts.erasurePending(afterId, limit);
    }

    @Transactional
    public void done(long accountId) {
        accounts.erasureDone(accountId);
    }

    @ReadOnly
    public Optional<AccountRecord> record(long accountId) {
        return accounts.record(accountId);
    }
}
