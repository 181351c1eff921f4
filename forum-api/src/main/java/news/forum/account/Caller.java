package news.forum.account;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * The account behind a request, as the database has it now; {@code ban} only while a ban applies; {@code signIn}
 * how its owner signs in (a password here, or the publisher's single sign-on).
 */
public record Caller(long id, String username, String displayName, Role role, @Nullable Ban ban, SignIn signIn) {

    public Caller(long id, String username, String displayName, Role role) {
        this(id, username, displayName, role, null, SignIn.PASSWORD);
    }

    public Caller(long id, String username, String displayName, Role role, @Nullable Ban ban) {
        this(id, username, displayName, role, ban, SignIn.PASSWORD);
    }

    /** Why the account may not write, and until when (null: until a moderator lifts it). */
    public record Ban(String reason, @Nullable Instant until) {
    }
}
