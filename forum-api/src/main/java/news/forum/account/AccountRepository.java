package news.forum.account;

import jakarta.inject.Singleton;
import news.forum.database.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

@Singleton
class AccountRepository {

    /** A stored account with what login needs. */
    record StoredAccount(Caller caller, String passwordHash) {
    }

    private static final String CALLER_COLUMNS = "id, username, display_name, role";

    private final Sql sql;

    AccountRepository(Sql sql) {
        this.sql = sql;
    }

    /** Empty when the name is taken: the unique key decides, so two registrations at once cannot both win. */
    Optional<Caller> insert(String username, String usernameKey, String displayName, String passwordHash, Role role) {
        return sql.one("""
                        INSERT INTO account (username, username_key, display_name, password_hash, role)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (username_key) DO NOTHING
                        RETURNING""" + " " + CALLER_COLUMNS,
                AccountRepository::caller, username, usernameKey, displayName, passwordHash, role.name());
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
        return sql.one("""
                        SELECT a.id, a.username, a.display_name, a.role
                        FROM refresh_token t JOIN account a ON a.id = t.account_id
                        WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > now()""",
                AccountRepository::caller, tokenHash);
    }

    int revokeRefreshToken(byte[] tokenHash) {
        return sql.update("UPDATE refresh_token SET revoked_at = now() WHERE token_hash = ? AND revoked_at IS NULL",
                tokenHash);
    }

    private static Caller caller(ResultSet row) throws SQLException {
        return new Caller(row.getLong("id"), row.getString("username"), row.getString("display_name"),
                Role.valueOf(row.getString("role")));
    }
}
