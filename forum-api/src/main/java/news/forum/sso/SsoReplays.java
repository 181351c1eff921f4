package news.forum.sso;

import jakarta.inject.Singleton;
import news.forum.database.Sql;

import java.time.Instant;

/**
 * The ids (jti) of the sign-in tokens used so far, each kept until its token expires: a token is taken once. Two
 * requests racing with one token meet on the primary key; the second finds the first's row and is refused.
 */
@Singleton
class SsoReplays {

    private final Sql sql;

    SsoReplays(Sql sql) {
        this.sql = sql;
    }

    /** False when the token was used before; call inside the sign-in's transaction, so a failed sign-in frees it. */
    boolean claim(String issuer, String jti, Instant keepUntil) {
        return sql.update("""
                INSERT INTO sso_token_use (issuer, jti, expires_at) VALUES (?, ?, ?)
                ON CONFLICT (issuer, jti) DO NOTHING""", issuer, jti, keepUntil) == 1;
    }

    /** Removes up to {@code limit} ids of tokens expired by now; returns how many. */
    int prune(int limit) {
        return sql.update("""
                DELETE FROM sso_token_use WHERE (issuer, jti) IN (
                    SELECT issuer, jti FROM sso_token_use WHERE expires_at < now() LIMIT ?)""", limit);
    }
}
