package news.forum.sso;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import news.forum.account.AccountService;
import news.forum.account.TokenResponse;
import news.forum.web.ProblemException;

import java.time.Instant;

/**
 * A sign-in with the publisher's token: checked whole before anything is written, then, in one transaction, its id
 * claimed (a replay is refused) and the reader's account found or created and given a session.
 */
@Singleton
class SsoSignIn {

    private final SsoSettings settings;
    private final SsoTokens tokens;
    private final SsoReplays replays;
    private final AccountService accounts;

    SsoSignIn(SsoSettings settings, SsoTokens tokens, SsoReplays replays, AccountService accounts) {
        this.settings = settings;
        this.tokens = tokens;
        this.replays = replays;
        this.accounts = accounts;
    }

    TokenResponse signIn(String token) {
        if (!settings.enabled()) {
            throw ProblemException.notFound("Single sign-on on this forum");
        }
        SsoTokens.Verified verified = tokens.verify(token, settings.audience(), Instant.now());
        return claimAndSignIn(verified);
    }

    @Transactional
    protected TokenResponse claimAndSignIn(SsoTokens.Verified verified) {
        if (!replays.claim(verified.identity().issuer(), verified.jti(), verified.expiresAt())) {
            throw SsoTokens.refused("The token was used before (its jti): ask the publisher for a fresh one.");
        }
        return accounts.signInExternal(verified.identity());
    }
}
