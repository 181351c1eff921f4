package news.forum.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import news.forum.web.PublicIds;

import java.time.Instant;

import static news.forum.web.PublicIds.Kind.ACCOUNT;

/**
 * An account as its owner and others see it; {@code ban} while one applies (the account may read, not write);
 * {@code signIn} "password", "sso" (signed in by the publisher: no password here) or "none".
 */
@Serdeable
public record AccountResponse(String id, String username, String displayName, Role role, @Nullable Ban ban,
                              String signIn) {

    @Serdeable
    public record Ban(String reason, @Nullable Instant until) {
    }

    public static AccountResponse of(Caller caller, PublicIds ids) {
        return new AccountResponse(ids.format(ACCOUNT, caller.id()), caller.username(), caller.displayName(), caller.role(),
                caller.ban() == null ? null : new Ban(caller.ban().reason(), caller.ban().until()),
                caller.signIn().label());
    }
}
