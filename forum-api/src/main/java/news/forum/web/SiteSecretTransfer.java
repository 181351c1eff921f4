package news.forum.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import news.forum.database.Sql;

/**
 * The site's keys as a move needs them: the public-id key goes with an export (public ids are row ids encrypted under
 * it, so both are kept), the key of imported authors' e-mail hashes, and the address key the flags' address hashes
 * are made with (so an address that flagged a comment before the move still counts as having flagged it).
 */
@Singleton
public class SiteSecretTransfer {

    static final String PUBLIC_ID_KEY = "public-id-key";
    static final String EMAIL_HASH_KEY = "email-hash-key";
    /** The key of the address hashes (news.forum.throttle.AddressKeys). */
    public static final String ADDRESS_KEY = "address-key";

    private final SiteSecrets secrets;
    private final Sql sql;
    private final String configuredIdSecret;

    SiteSecretTransfer(SiteSecrets secrets, Sql sql, @Nullable @Value("${forum.ids.secret:}") String configuredIdSecret) {
        this.secrets = secrets;
        this.sql = sql;
        this.configuredIdSecret = configuredIdSecret == null || configuredIdSecret.isBlank() ? null : configuredIdSecret;
    }

    /** The key public ids are made with here: FORUM_ID_SECRET when set, else the one kept in the database. */
    public String publicIdKey() {
        return configuredIdSecret != null ? configuredIdSecret : secrets.getOrCreate(PUBLIC_ID_KEY);
    }

    /** Whether FORUM_ID_SECRET decides the ids (then an imported key must match it). */
    public boolean publicIdKeyConfigured() {
        return configuredIdSecret != null;
    }

    /** Keeps an exported site's id key, so every row keeps its public id. */
    public void restorePublicIdKey(String key) {
        sql.update("""
                INSERT INTO site_secret (name, value) VALUES (?, ?)
                ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value""", PUBLIC_ID_KEY, key);
    }

    public String emailHashKey() {
        return secrets.getOrCreate(EMAIL_HASH_KEY);
    }

    /** Keeps an exported site's e-mail hash key, so imported authors can still be claimed by their e-mail. */
    public void restoreEmailHashKey(String key) {
        sql.update("""
                INSERT INTO site_secret (name, value) VALUES (?, ?)
                ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value""", EMAIL_HASH_KEY, key);
    }

    public String addressKey() {
        return secrets.getOrCreate(ADDRESS_KEY);
    }

    /** Keeps an exported site's address key, so the flags' address keys still match the addresses that made them. */
    public void restoreAddressKey(String key) {
        sql.update("""
                INSERT INTO site_secret (name, value) VALUES (?, ?)
                ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value""", ADDRESS_KEY, key);
    }
}
