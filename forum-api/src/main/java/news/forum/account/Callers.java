package news.forum.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import news.forum.web.ProblemException;

import java.util.Optional;

/**
 * Resolves a verified token to its account. The token proves only who signed in; the role and even the
 * account's existence are read from the database on every request, so a demotion or a deletion takes
 * effect at once. Call it inside the request's transaction.
 */
@Singleton
public class Callers {

    private final AccountRepository accounts;

    Callers(AccountRepository accounts) {
        this.accounts = accounts;
    }

    public Caller require(@Nullable Authentication authentication) {
        return find(authentication).orElseThrow(() ->
                ProblemException.unauthorized("Sign in again: this token does not belong to an existing account."));
    }

    public Optional<Caller> find(@Nullable Authentication authentication) {
        if (authentication == null) {
            return Optional.empty();
        }
        long id;
        try {
            id = Long.parseLong(authentication.getName());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return accounts.findCaller(id);
    }

    public Caller requireModerator(@Nullable Authentication authentication) {
        Caller caller = require(authentication);
        if (!caller.role().moderates()) {
            throw ProblemException.forbidden("Only moderators and administrators may do this.");
        }
        return caller;
    }
}
