package news.forum.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import news.forum.web.ProblemException;
import news.forum.web.PublicIds;

import java.util.Optional;
import java.util.OptionalLong;

import static news.forum.web.PublicIds.Kind.ACCOUNT;

/**
 * Resolves a verified token to its account. The token proves only who signed in; the role and even the
 * account's existence are read from the database on every request, so a demotion or a deletion takes
 * effect at once. Call it inside the request's transaction.
 * <p>
 * {@link #require} is for writes: it refuses a banned account (403 with the ban's reason), whatever token it holds,
 * from the first request after the ban. Reads that need the account take {@link #requireSignedIn} or {@link #find},
 * which let a banned account read on.
 */
@Singleton
public class Callers {

    private final AccountRepository accounts;
    private final PublicIds ids;

    Callers(AccountRepository accounts, PublicIds ids) {
        this.accounts = accounts;
        this.ids = ids;
    }

    /** The signed-in account, allowed to write: 401 without one, 403 while it is banned. */
    public Caller require(@Nullable Authentication authentication) {
        Caller caller = requireSignedIn(authentication);
        if (caller.ban() != null) {
            throw banned(caller.ban());
        }
        return caller;
    }

    /** The signed-in account, banned or not (for reading). */
    public Caller requireSignedIn(@Nullable Authentication authentication) {
        return find(authentication).orElseThrow(() ->
                ProblemException.unauthorized("Sign in again: this token does not belong to an existing account."));
    }

    public Optional<Caller> find(@Nullable Authentication authentication) {
        if (authentication == null) {
            return Optional.empty();
        }
        OptionalLong id = ids.tryParse(ACCOUNT, authentication.getName());
        return id.isPresent() ? accounts.findCaller(id.getAsLong()) : Optional.empty();
    }

    private static ProblemException banned(Caller.Ban ban) {
        String until = ban.until() == null ? "" : " (until " + ban.until() + ")";
        return new ProblemException(HttpStatus.FORBIDDEN, "account-banned", "Account banned",
                "Your account is banned" + until + ": " + ban.reason());
    }

    public Caller requireModerator(@Nullable Authentication authentication) {
        Caller caller = require(authentication);
        if (!caller.role().moderates()) {
            throw ProblemException.forbidden("Only moderators and administrators may do this.");
        }
        return caller;
    }
}
