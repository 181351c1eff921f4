package news.forum.account;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import news.forum.database.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
     * Empty when the name or a look-alike is taken: the unique keys decide (name key and skeleton), so two
     * registrations at once cannot both win.
     */
    Optional<Caller> insert(String username, String usernameKey, String skeleton, String displayName,
                            String passwordHash, Role role) {
        return sql.one("""
                        INSERT INTO account (username, username_key, username_skeleton, display_name, password_hash, role)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT DO NOTHING
                        RETURNING""" + " " + CALLER_COLUMNS,
                AccountRepository::caller, username, usernameKey, skeleton, displayName, passwordHash, role.name());
    }

    /** An account made before skeletons were stored. */
    record UnskeletonedAccount(long id, String username) {
    }

    List<UnskeletonedAccount> withoutSkeleton(long afterId, int limit) {
        return sql.list("SELECT id, username FROM account WHERE username_skeleton IS NULL AND id > ? ORDER BY id LIMIT ?",
                row -> new UnskeletonedAccount(row.getLong("id"), row.getString("username")), afterId, limit);
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

    Optional<Caller> updateDisplayName(long id, String displayName) {
        return sql.one("UPDATE account SET display_name = ? WHERE id = ? AND deleted_at IS NULL RETURNING " + CALLER_COLUMNS,
                AccountRepository::caller, displayName, id);
    }

    // ---- accounts the publisher signs in (single sign-on)

    /** The account of the publisher's reader, locked: the sign-in updates it. */
    Optional<Caller> lockBySso(String issuer, String subject) {
        return sql.one("SELECT " + CALLER_COLUMNS + " FROM account WHERE sso_issuer = ? AND sso_subject = ? FOR UPDATE",
                AccountRepository::caller, issuer, subject);
    }

    /** Empty when the name, a look-alike of it, or this reader's identity is taken already. */
    Optional<Caller> insertSso(String username, String usernameKey, String skeleton, String displayName,
                               String issuer, String subject, @Nullable String email) {
        return sql.one("""
                        INSERT INTO account (username, username_key, username_skeleton, display_name, role,
                                             sso_issuer, sso_subject, email)
                        VALUES (?, ?, ?, ?, 'USER', ?, ?, ?)
                        ON CONFLICT DO NOTHING
                        RETURNING""" + " " + CALLER_COLUMNS,
                AccountRepository::caller, username, usernameKey, skeleton, displayName, issuer, subject, email);
    }

    /** What the publisher says of its reader at every sign-in: the display name, and the e-mail when it gives one. */
    Caller updateSsoProfile(long id, String displayName, @Nullable String email) {
        return sql.one("UPDATE account SET display_name = ?, email = coalesce(?, email) WHERE id = ? RETURNING "
                + CALLER_COLUMNS, AccountRepository::caller, displayName, email, id).orElseThrow();
    }

    void insertRefreshToken(long accountId, byte[] tokenHash, Instant expiresAt) {
        sql.update("INSERT INTO refresh_token (account_id, token_hash, expires_at) VALUES (?, ?, ?)",
                accountId, tokenHash, expiresAt);
    }

    /** The account of a live refresh token: known, not revoked, not expired. */
    Optional<Caller> findByRefreshToken(byte[] tokenHash) {
        return sql.one("SELECT " + callerColumns("a") + """
                         FROM refresh_token t JOIN account a ON a.id = t.account_id
                        WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > now()
                          AND a.deleted_at IS NULL""",
                AccountRepository::caller, tokenHash);
    }

    /** Every session of the account ends. */
    int revokeRefreshTokens(long accountId) {
        return sql.update("UPDATE refresh_token SET revoked_at = now() WHERE account_id = ? AND revoked_at IS NULL",
                accountId);
    }

    int revokeRefreshToken(byte[] tokenHash) {
        return sql.update("UPDATE refresh_token SET revoked_at = now() WHERE token_hash = ? AND revoked_at IS NULL",
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
     * no password, no identity at the publisher, no e-mail, no display name of its own, no role, no session.
     */
    void markDeleted(long id) {
        sql.update("""
                UPDATE account SET deleted_at = now(), erasure_pending = true, password_hash = NULL, sso_issuer = NULL,
                    sso_subject = NULL, email = NULL, display_name = username, role = 'USER'
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
