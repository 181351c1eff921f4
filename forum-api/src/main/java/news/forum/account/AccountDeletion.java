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

    /** Irreversible. The last administrator cannot leave (nobody could administer the forum after). */
    @Transactional
    public void begin(long accountId) {
        Caller caller = accounts.lockLive(accountId)
                .orElseThrow(() -> ProblemException.unauthorized("Sign in again: this token does not belong to an existing account."));
        if (caller.role() == Role.ADMIN && accounts.otherAdministrators(accountId) == 0) {
            throw ProblemException.conflict("last-administrator", "Last administrator",
                    "You are the forum's only administrator: make another account an administrator before you leave.");
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
