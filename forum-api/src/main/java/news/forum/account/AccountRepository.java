package news.forum.account;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import news.forum.database.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Singleton
class AccountRepository {

    /** A stored account with what login needs. */
    record StoredAccount(Caller caller, String passwordHash) {
    }

    private static final String CALLER_COLUMNS = callerColumns("account");

    /** The columns a Caller is read from; the ban only while it applies (an expired one is none). */
    private static String callerColumns(String table) {
        return """
                %1$s.id, %1$s.username, %1$s.display_name, %1$s.role,
                CASE WHEN %1$s.banned_until IS NULL OR %1$s.banned_until > now() THEN %1$s.ban_reason END AS ban_reason,
                %1$s.banned_until,
                CASE WHEN %1$s.sso_issuer IS NOT NULL THEN 'SSO' WHEN %1$s.password_hash IS NOT NULL THEN 'PASSWORD'
                     ELSE 'NONE' END AS sign_in""".formatted(table);
    }

    private final Sql sql;

    AccountRepository(Sql sql) {
        this.sql = sql;
    }

    /**
     * Empty when the name or a look-alike is taken, or when the display name is, or looks like, another account's
     * display name or username, or the username looks like another's display name: the unique keys decide (name key,
     * skeleton, display name key), so two registrations at once cannot both win.
     */
    Optional<Caller> insert(String username, String usernameKey, String skeleton, String displayName,
                            NameKeys displayKeys, String passwordHash, Role role) {
        return sql.one("""
                        INSERT INTO account (username, username_key, username_skeleton, display_name, display_name_key,
                                             password_hash, role)
                        SELECT ?, ?, ?, ?, ?, ?, ?
                        WHERE NOT EXISTS (SELECT 1 FROM account
                                          WHERE username_skeleton = ANY(?::text[]) OR display_name_key = ?)
                        ON CONFLICT DO NOTHING
                        RETURNING""" + " " + CALLER_COLUMNS,
                AccountRepository::caller, username, usernameKey, skeleton, displayName, displayKeys.displayNameKey(),
                passwordHash, role.name(), displayKeys.usernameLookAlikes().toArray(String[]::new), displayKeys.usernameAsDisplayKey());
    }

    /**
     * The keys a new account's names are checked on: its display name's (unique among display names), the
     * usernames' skeletons its display name would pass for, and its username's as a display name would have it.
     */
    record NameKeys(String displayNameKey, List<String> usernameLookAlikes, String usernameAsDisplayKey) {
    }

    /** Whether a display name with these keys would pass for another account's name. */
    boolean displayNameLooksTaken(NameKeys keys) {
        return sql.one("""
                        SELECT 1 FROM account
                        WHERE display_name_key = ? OR username_skeleton = ANY(?::text[])
                        LIMIT 1""",
                row -> true, keys.displayNameKey(), keys.usernameLookAlikes().toArray(String[]::new)).isPresent();
    }

    List<AccountName> withoutDisplayNameKey(long afterId, int limit) {
        return sql.list("SELECT id, display_name FROM account WHERE display_name_key IS NULL AND deleted_at IS NULL AND id > ? ORDER BY id LIMIT ?",
                row -> new AccountName(row.getLong("id"), row.getString("display_name")), afterId, limit);
    }

    /** 0 when another account already has the key; call under the back-fill's lock. */
    int setDisplayNameKeyIfFree(long id, String key) {
        return sql.update("""
                        UPDATE account SET display_name_key = ?
                        WHERE id = ? AND display_name_key IS NULL
                          AND NOT EXISTS (SELECT 1 FROM account WHERE display_name_key = ?)""",
                key, id, key);
    }

    /** An account made before its names' keys were stored, with the name (username or display name) to key. */
    record AccountName(long id, String name) {
    }

    List<AccountName> withoutSkeleton(long afterId, int limit) {
        return sql.list("SELECT id, username FROM account WHERE username_skeleton IS NULL AND id > ? ORDER BY id LIMIT ?",
                row -> new AccountName(row.getLong("id"), row.getString("username")), afterId, limit);
    }

    /** 0 when another account already has the skeleton; call under the back-fill's lock. */
    int setSkeletonIfFree(long id, String skeleton) {
        return sql.update("""
                        UPDATE account SET username_skeleton = ?
                        WHERE id = ? AND username_skeleton IS NULL
                          AND NOT EXISTS (SELECT 1 FROM account WHERE username_skeleton = ?)""",
                skeleton, id, skeleton);
    }

    void lockSkeletonBackfill() {
        sql.list("SELECT pg_advisory_xact_lock(hashtext('account.username_skeleton back-fill'))", row -> 1);
    }

    /** A live account: a deleted one is found by nobody (its row only keeps its name reserved). */
    Optional<Caller> findCaller(long id) {
        return sql.one("SELECT " + CALLER_COLUMNS + " FROM account WHERE id = ? AND deleted_at IS NULL",
                AccountRepository::caller, id);
    }

    /** The account holding the name, live or deleted (a deleted one keeps its name reserved). */
    Optional<Caller> findCallerByKey(String usernameKey) {
        return sql.one("SELECT " + CALLER_COLUMNS + " FROM account WHERE username_key = ?",
                AccountRepository::caller, usernameKey);
    }

    /** A live account that has a password. */
    Optional<StoredAccount> findForLogin(String usernameKey) {
        // a placeholder (an author moved in from another system) has no password: nobody signs in as it
        return sql.one("SELECT " + CALLER_COLUMNS + ", password_hash FROM account"
                        + " WHERE username_key = ? AND deleted_at IS NULL AND password_hash IS NOT NULL",
                row -> new StoredAccount(caller(row), row.getString("password_hash")), usernameKey);
    }

    /** The live account's password hash, if it has one. */
    Optional<String> passwordHash(long id) {
        return sql.one("SELECT password_hash FROM account WHERE id = ? AND deleted_at IS NULL AND password_hash IS NOT NULL",
                row -> row.getString("password_hash"), id);
    }

    /** Locks every ADMIN account row; how many there are. */
    int lockAdmins() {
        return sql.one("SELECT count(*) AS n FROM (SELECT id FROM account WHERE role = 'ADMIN' FOR UPDATE) admins",
                row -> row.getInt("n")).orElse(0);
    }

    /** True when it was not an ADMIN before. */
    boolean promoteToAdmin(long id) {
        return sql.update("UPDATE account SET role = 'ADMIN' WHERE id = ? AND role <> 'ADMIN'", id) == 1;
    }

    Optional<Caller> updateRole(String usernameKey, Role role) {
        return sql.one("UPDATE account SET role = ? WHERE username_key = ? AND deleted_at IS NULL RETURNING "
                + CALLER_COLUMNS, AccountRepository::caller, role.name(), usernameKey);
    }

    /** Only while the hash is still the one that was checked: a concurrent change wins, this one is refused. */
    boolean updatePassword(long id, String checkedHash, String newHash) {
        return sql.update("UPDATE account SET password_hash = ? WHERE id = ? AND password_hash = ? AND deleted_at IS NULL",
                newHash, id, checkedHash) == 1;
    }

    /**
     * Empty when the account is gone or the name is, or looks like, another account's display name or username (see
     * {@link #displayNameLooksTakenByOther}), also one committed at this moment: the unique key refuses it under a
     * savepoint, so the caller's transaction goes on.
     */
    Optional<Caller> updateDisplayName(long id, String displayName, NameKeys keys) {
        return sql.oneUnlessDuplicate("""
                        UPDATE account SET display_name = ?, display_name_key = ?
                        WHERE id = ? AND deleted_at IS NULL
                          AND NOT EXISTS (SELECT 1 FROM account other WHERE other.id <> ?
                                          AND (other.display_name_key = ? OR other.username_skeleton = ANY(?::text[])))
                        RETURNING""" + " " + CALLER_COLUMNS,
                AccountRepository::caller, displayName, keys.displayNameKey(), id, id, keys.displayNameKey(),
                keys.usernameLookAlikes().toArray(String[]::new));
    }

    /** Whether a display name with these keys would pass for the name of an account other than this one. */
    boolean displayNameLooksTakenByOther(long id, NameKeys keys) {
        return sql.one("""
                        SELECT 1 FROM account
                        WHERE id <> ? AND (display_name_key = ? OR username_skeleton = ANY(?::text[]))
                        LIMIT 1""",
                row -> true, id, keys.displayNameKey(), keys.usernameLookAlikes().toArray(String[]::new)).isPresent();
    }

    // ---- accounts the publisher signs in (single sign-on)

    /** The account of the publisher's reader, locked: the sign-in updates it. */
    Optional<Caller> lockBySso(String issuer, String subject) {
        return sql.one("SELECT " + CALLER_COLUMNS + " FROM account WHERE sso_issuer = ? AND sso_subject = ? FOR UPDATE",
                AccountRepository::caller, issuer, subject);
    }

    /**
     * Empty when the name, a look-alike of it, or this reader's identity is taken already, or the display name passes
     * for another account's name (as {@link #insert}).
     */
    Optional<Caller> insertSso(String username, String usernameKey, String skeleton, String displayName,
                               NameKeys displayKeys, String issuer, String subject, @Nullable String email) {
        return sql.one("""
                        INSERT INTO account (username, username_key, username_skeleton, display_name, display_name_key,
                                             role, sso_issuer, sso_subject, email)
                        SELECT ?, ?, ?, ?, ?, 'USER', ?, ?, ?
                        WHERE NOT EXISTS (SELECT 1 FROM account
                                          WHERE username_skeleton = ANY(?::text[]) OR display_name_key = ?)
                        ON CONFLICT DO NOTHING
                        RETURNING""" + " " + CALLER_COLUMNS,
                AccountRepository::caller, username, usernameKey, skeleton, displayName, displayKeys.displayNameKey(),
                issuer, subject, email, displayKeys.usernameLookAlikes().toArray(String[]::new),
                displayKeys.usernameAsDisplayKey());
    }

    /** The e-mail the publisher gives at a sign-in (none given: the one kept), and the account as it now is. */
    Caller updateSsoEmail(long id, @Nullable String email) {
        return sql.one("UPDATE account SET email = coalesce(?, email) WHERE id = ? RETURNING " + CALLER_COLUMNS,
                AccountRepository::caller, email, id).orElseThrow();
    }

    /** A new refresh token, in the given family (a rotation) or in a family of its own (a sign-in: family null). */
    void insertRefreshToken(long accountId, byte[] tokenHash, Instant expiresAt, @Nullable UUID family) {
        sql.update("INSERT INTO refresh_token (account_id, token_hash, expires_at, family) "
                        + "VALUES (?, ?, ?, coalesce(?, gen_random_uuid()))",
                accountId, tokenHash, expiresAt, family);
    }

    /** Every session of the account ends. */
    int revokeRefreshTokens(long accountId) {
        return sql.update("UPDATE refresh_token SET revoked_at = now() WHERE account_id = ? AND revoked_at IS NULL",
                accountId);
    }

    /** A presented refresh token, whatever its state, locked until the transaction ends. */
    record PresentedRefreshToken(long id, long accountId, UUID family, boolean live, boolean rotated) {
    }

    Optional<PresentedRefreshToken> lockRefreshToken(byte[] tokenHash) {
        return sql.one("""
                        SELECT id, account_id, family, rotated_at IS NOT NULL AS rotated,
                               revoked_at IS NULL AND rotated_at IS NULL AND expires_at > now() AS live
                          FROM refresh_token WHERE token_hash = ? FOR UPDATE""",
                row -> new PresentedRefreshToken(row.getLong("id"), row.getLong("account_id"),
                        row.getObject("family", UUID.class), row.getBoolean("live"), row.getBoolean("rotated")),
                tokenHash);
    }

    void markRotated(long refreshTokenId) {
        sql.update("UPDATE refresh_token SET rotated_at = now() WHERE id = ?", refreshTokenId);
    }

    int revokeRefreshFamily(UUID family) {
        return sql.update("UPDATE refresh_token SET revoked_at = now() WHERE family = ? AND revoked_at IS NULL", family);
    }

    /** Signing out ends the session: every token of the presented one's family. */
    int revokeRefreshFamilyOf(byte[] tokenHash) {
        return sql.update("""
                UPDATE refresh_token SET revoked_at = now()
                 WHERE family = (SELECT family FROM refresh_token WHERE token_hash = ?) AND revoked_at IS NULL""",
                tokenHash);
    }

    // ---- the owner's data and its deletion

    Optional<AccountRecord> record(long id) {
        return sql.one("SELECT " + CALLER_COLUMNS + """
                        , created_at, sso_issuer, sso_subject, email, ban_reason AS stored_ban_reason, banned_at,
                          banned_until FROM account WHERE id = ? AND deleted_at IS NULL""",
                row -> new AccountRecord(row.getLong("id"), row.getString("username"), row.getString("display_name"),
                        Role.valueOf(row.getString("role")), Sql.instant(row, "created_at"),
                        SignIn.valueOf(row.getString("sign_in")), row.getString("sso_issuer"),
                        row.getString("sso_subject"), row.getString("email"), row.getString("stored_ban_reason"),
                        Sql.instant(row, "banned_at"), Sql.instant(row, "banned_until")), id);
    }

    Optional<Caller> lockLive(long id) {
        return sql.one("SELECT " + CALLER_COLUMNS + " FROM account WHERE id = ? AND deleted_at IS NULL FOR UPDATE",
                AccountRepository::caller, id);
    }

    /**
     * Keeps only what reserves the name (username, its key and skeleton) and what moderators recorded (a ban):
     * no password, no identity at the publisher, no e-mail, no display name of its own (nor its key: the reader's name
     * is free again for them, the username's skeleton still stops look-alikes of the username), no role, no session.
     */
    void markDeleted(long id) {
        sql.update("""
                UPDATE account SET deleted_at = now(), erasure_pending = true, password_hash = NULL, sso_issuer = NULL,
                    sso_subject = NULL, email = NULL, display_name = username, display_name_key = NULL,
                    role = 'USER'
                WHERE id = ?""", id);
        sql.update("DELETE FROM refresh_token WHERE account_id = ?", id);
    }

    List<Long> erasurePending(long afterId, int limit) {
        return sql.list("SELECT id FROM account WHERE erasure_pending AND id > ? ORDER BY id LIMIT ?",
                row -> row.getLong("id"), afterId, limit);
    }

    void erasureDone(long id) {
        sql.update("UPDATE account SET erasure_pending = false WHERE id = ?", id);
    }

    private static Caller caller(ResultSet row) throws SQLException {
        String banReason = row.getString("ban_reason");
        return new Caller(row.getLong("id"), row.getString("username"), row.getString("display_name"),
                Role.valueOf(row.getString("role")),
                banReason == null ? null : new Caller.Ban(banReason, Sql.instant(row, "banned_until")),
                SignIn.valueOf(row.getString("sign_in")));
    }
}
