package news.forum.account;

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
                %1$s.banned_until""".formatted(table);
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

    Optional<Caller> findCaller(long id) {
        return sql.one("SELECT " + CALLER_COLUMNS + " FROM account WHERE id = ?", AccountRepository::caller, id);
    }

    Optional<Caller> findCallerByKey(String usernameKey) {
        return sql.one("SELECT " + CALLER_COLUMNS + " FROM account WHERE username_key = ?",
                AccountRepository::caller, usernameKey);
    }

    Optional<StoredAccount> findForLogin(String usernameKey) {
        return sql.one("SELECT " + CALLER_COLUMNS + ", password_hash FROM account WHERE username_key = ?",
                row -> new StoredAccount(caller(row), row.getString("password_hash")), usernameKey);
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
        return sql.one("UPDATE account SET role = ? WHERE username_key = ? RETURNING " + CALLER_COLUMNS,
                AccountRepository::caller, role.name(), usernameKey);
    }

    void insertRefreshToken(long accountId, byte[] tokenHash, Instant expiresAt) {
        sql.update("INSERT INTO refresh_token (account_id, token_hash, expires_at) VALUES (?, ?, ?)",
                accountId, tokenHash, expiresAt);
    }

    /** The account of a live refresh token: known, not revoked, not expired. */
    Optional<Caller> findByRefreshToken(byte[] tokenHash) {
        return sql.one("SELECT " + callerColumns("a") + """
                         FROM refresh_token t JOIN account a ON a.id = t.account_id
                        WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > now()""",
                AccountRepository::caller, tokenHash);
    }

    int revokeRefreshToken(byte[] tokenHash) {
        return sql.update("UPDATE refresh_token SET revoked_at = now() WHERE token_hash = ? AND revoked_at IS NULL",
                tokenHash);
    }

    private static Caller caller(ResultSet row) throws SQLException {
        String banReason = row.getString("ban_reason");
        return new Caller(row.getLong("id"), row.getString("username"), row.getString("display_name"),
                Role.valueOf(row.getString("role")),
                banReason == null ? null : new Caller.Ban(banReason, Sql.instant(row, "banned_until")));
    }
}
