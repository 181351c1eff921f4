package news.forum.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import news.forum.database.BulkTable;
import news.forum.database.RowStream;
import news.forum.database.Sql;
import news.forum.security.PasswordHasher;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ObjLongConsumer;
import java.util.regex.Pattern;

/**
 * Accounts moved in and out in bulk. An author moved in from another system becomes a placeholder: marked with the
 * source and the author's identity there, a username no registration can take ({@code disqus:jane}: ':' is not allowed
 * in a registered name, and the skeleton is taken like any other, so no look-alike can be registered either), the
 * display name kept, no password (so nobody signs in as it), and the e-mail only as a keyed hash for a later claim
 * through single sign-on. A whole-site export carries accounts without password hashes, and bans apart (a ban names
 * the moderator, who may come later in id order).
 */
@Singleton
public class AccountTransfer {

    /** An author to move in: identity in the source, preferred name, display name, e-mail hash (or null). */
    public record Placeholder(String importKey, String preferredName, String displayName, @Nullable byte[] emailHash) {
    }

    /** The placeholder that guests' comments point at; each such comment shows the guest's own name. */
    public static final String GUEST_SOURCE = "guest";

    public static final List<BulkTable> TABLES = List.of(
            new BulkTable("account", List.of("id", "username", "username_key", "username_skeleton", "display_name",
                    "role", "created_at", "imported_from", "import_key", "email_hash"), """
                    SELECT id, username, username_key, username_skeleton, display_name, role, created_at, imported_from,
                           import_key, email_hash
                    FROM account ORDER BY id""", null, """
                    COPY account (id, username, username_key, username_skeleton, display_name, role, created_at,
                                  imported_from, import_key, email_hash)
                    FROM STDIN""",
                    List.of("SELECT setval(pg_get_serial_sequence('account', 'id'), coalesce(max(id), 1), max(id) IS NOT NULL) FROM account")),
            new BulkTable("ban", List.of("account_id", "banned_at", "banned_by", "ban_reason", "banned_until"), """
                    SELECT id AS account_id, banned_at, banned_by, ban_reason, banned_until
                    FROM account WHERE banned_at IS NOT NULL ORDER BY id""", """
                    CREATE TEMPORARY TABLE account_ban_import (account_id bigint, banned_at timestamptz, banned_by bigint,
                                                                ban_reason text, banned_until timestamptz) ON COMMIT DROP""",
                    "COPY account_ban_import (account_id, banned_at, banned_by, ban_reason, banned_until) FROM STDIN",
                    List.of("""
                            UPDATE account a SET banned_at = b.banned_at, banned_by = b.banned_by, ban_reason = b.ban_reason,
                                                 banned_until = b.banned_until
                            FROM account_ban_import b WHERE a.id = b.account_id""")));

    private static final Pattern NOT_NAME = Pattern.compile("[^\\p{L}\\p{M}\\p{Nd}_.-]+");
    private static final int BATCH = 1_000;

    private final Sql sql;
    private final JdbcOperations jdbc;
    private final PasswordHasher hasher;

    AccountTransfer(Sql sql, JdbcOperations jdbc, PasswordHasher hasher) {
        this.sql = sql;
        this.jdbc = jdbc;
        this.hasher = hasher;
    }

    /**
     * The hash an e-mail is kept as: HMAC-SHA-256 under the site's e-mail hash key of the address trimmed, in NFKC and
     * lower case. A sign-on that later vouches for an address computes the same to find the author's placeholder.
     */
    public static byte[] emailHash(String siteKey, String email) {
        String normalised = Normalizer.normalize(email.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(siteKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Every placeholder already made for this source: its identity there and its account id. */
    public long eachImported(String source, ObjLongConsumer<String> handler) {
        return RowStream.each(jdbc, "SELECT import_key, id FROM account WHERE imported_from = ?",
                row -> handler.accept(row.getString(1), row.getLong(2)), source);
    }

    /** The shared guest placeholder, made on first use. */
    public long guest() {
        Map<String, Long> made = create(GUEST_SOURCE, "imported", List.of(new Placeholder(GUEST_SOURCE, "guest", "Guest", null)));
        return made.get(GUEST_SOURCE);
    }

    /**
     * Makes placeholders for authors of this source that have none yet, in batches; returns every given identity's
     * account id. A username taken already (by a look-alike too) gets a number after it.
     */
    public Map<String, Long> create(String source, String prefix, List<Placeholder> authors) {
        Map<String, Long> ids = new HashMap<>();
        for (int from = 0; from < authors.size(); from += BATCH) {
            List<Placeholder> batch = authors.subList(from, Math.min(authors.size(), from + BATCH));
            List<Placeholder> left = new ArrayList<>(batch);
            for (int attempt = 1; !left.isEmpty(); attempt++) {
                left = insert(source, prefix, left, attempt, ids);
            }
        }
        return ids;
    }

    private List<Placeholder> insert(String source, String prefix, List<Placeholder> authors, int attempt,
                                     Map<String, Long> ids) {
        int n = authors.size();
        String[] keys = new String[n];
        String[] names = new String[n];
        String[] nameKeys = new String[n];
        String[] skeletons = new String[n];
        String[] displayNames = new String[n];
        String[] hashes = new String[n];
        for (int i = 0; i < n; i++) {
            Placeholder author = authors.get(i);
            String name = username(prefix, author.preferredName(), attempt);
            keys[i] = author.importKey();
            names[i] = name;
            nameKeys[i] = UsernameRules.key(name);
            skeletons[i] = UsernameRules.skeleton(name);
            displayNames[i] = author.displayName();
            hashes[i] = author.emailHash() == null ? null : java.util.HexFormat.of().formatHex(author.emailHash());
        }
        sql.list("""
                        INSERT INTO account (username, username_key, username_skeleton, display_name, password_hash, role,
                                             imported_from, import_key, email_hash)
                        SELECT u.name, u.name_key, u.skeleton, u.display_name, NULL, 'USER', ?, u.import_key,
                               decode(u.hash, 'hex')
                        FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                             AS u(import_key, name, name_key, skeleton, display_name, hash)
                        ON CONFLICT DO NOTHING
                        RETURNING import_key, id""",
                row -> ids.put(row.getString(1), row.getLong(2)), source, keys, names, nameKeys, skeletons, displayNames,
                hashes);
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            if (!ids.containsKey(key)) {
                missing.add(key);
            }
        }
        if (missing.isEmpty()) {
            return List.of();
        }
        // made by an earlier run, or refused for its name
        sql.list("SELECT import_key, id FROM account WHERE imported_from = ? AND import_key = ANY(?)",
                row -> ids.put(row.getString(1), row.getLong(2)), source, missing.toArray(String[]::new));
        List<Placeholder> renamed = new ArrayList<>();
        for (Placeholder author : authors) {
            if (!ids.containsKey(author.importKey())) {
                renamed.add(author);
            }
        }
        return renamed;
    }

    /** {@code prefix:name} in the letters a name may hold, at most 32 characters; a number after it from the second try. */
    static String username(String prefix, String preferred, int attempt) {
        String name = NOT_NAME.matcher(Normalizer.normalize(preferred, Normalizer.Form.NFKC)).replaceAll("-")
                .replaceAll("^[-_.]+|[-_.]+$", "");
        String suffix = attempt == 1 ? "" : "-" + attempt;
        int room = 32 - prefix.length() - 1 - suffix.length();
        if (name.codePointCount(0, name.length()) > room) {
            name = name.substring(0, name.offsetByCodePoints(0, room));
        }
        if (name.isEmpty()) {
            name = "author";
        }
        return prefix + ":" + name + suffix;
    }

    /**
     * The first administrator's password, given to an account that has none (one moved in by {@code import forum},
     * which carries no password hashes). False when the account has a password or does not exist.
     */
    @io.micronaut.transaction.annotation.Transactional
    public boolean givePasswordIfNone(String username, String password) {
        PasswordPolicy.check(password, username);
        return sql.update("UPDATE account SET password_hash = ? WHERE username_key = ? AND password_hash IS NULL",
                hasher.hash(password), UsernameRules.key(username)) == 1;
    }
}
