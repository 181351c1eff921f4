package news.forum.account;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * FORUM_LOCAL_ACCOUNTS: whether readers may register and sign in with a password here (the default), or only through
 * the publisher's single sign-on. Moderators and administrators keep their passwords either way: the console and
 * the first administrator need them.
 */
@Singleton
public class LocalAccounts {

    private final boolean enabled;

    LocalAccounts(@Value("${forum.accounts.local:true}") boolean enabled) {
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }
}
