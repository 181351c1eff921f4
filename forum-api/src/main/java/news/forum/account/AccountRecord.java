package news.forum.account;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** Everything the account row holds about its owner, as its data export gives it (the ban as stored, even expired). */
public record AccountRecord(long id, String username, String displayName, Role role, Instant createdAt, SignIn signIn,
                            @Nullable String ssoIssuer, @Nullable String ssoSubject, @Nullable String email,
                            @Nullable String banReason, @Nullable Instant bannedAt, @Nullable Instant bannedUntil) {
}
