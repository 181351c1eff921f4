package news.forum.account;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import news.forum.database.Sql;
import news.forum.security.PasswordHasher;

import java.util.Optional;

/**
 * The demo's accounts ({@code account.demo}): made, and given the passwords the demo keeps in its data directory, only
 * in demo mode; locked out by every start without it (their password hashes locked, their refresh tokens revoked),
 * so a forum that once ran the demo has no account anybody read a password of.
 */
@Singleton
public class DemoAccounts {

    private record Stored(long id, boolean demo, String passwordHash) {
    }

    private final AccountService accounts;
    private final AccountRepository repository;
    private final PasswordHasher hasher;
    private final Sql sql;

    DemoAccounts(AccountService accounts, AccountRepository repository, PasswordHasher hasher, Sql sql) {
        this.accounts = accounts;
        this.repository = repository;
        this.hasher = hasher;
        this.sql = sql;
    }

    /**
     * The demo account, signing in with this password: made when the name is free, its password and role set when it
     * is already the demo's; empty when an account of a real person holds the name (left alone).
     */
    @Transactional
    public Optional<Caller> ensure(String username, String displayName, String password, Role role) {
        Optional<Stored> stored = sql.one("SELECT id, demo, password_hash FROM account WHERE username_key = ?",
                row -> new Stored(row.getLong("id"), row.getBoolean("demo"), row.getString("password_hash")),
                UsernameRules.key(username));
        if (stored.isEmpty()) {
            Optional<Caller> created = accounts.create(username, password, displayName, role);
            created.ifPresent(caller -> sql.update("UPDATE account SET demo = true WHERE id = ?", caller.id()));
            return created;
        }
        if (!stored.get().demo()) {
            return Optional.empty();
        }
        if (!hasher.matches(password, stored.get().passwordHash())) {
            sql.update("UPDATE account SET password_hash = ?, role = ? WHERE id = ?", hasher.hash(password), role.name(),
                    stored.get().id());
        }
        return repository.findCaller(stored.get().id());
    }

    /** Outside demo mode: no demo account signs in any more. Returns how many could until now. */
    @Transactional
    public int lockOut() {
        sql.update("""
                UPDATE refresh_token SET revoked_at = now()
                 WHERE revoked_at IS NULL AND account_id IN (SELECT id FROM account WHERE demo)""");
        return sql.update("UPDATE account SET password_hash = ? || password_hash WHERE demo AND password_hash NOT LIKE ?",
                PasswordHasher.LOCKED, PasswordHasher.LOCKED + "%");
    }
}
