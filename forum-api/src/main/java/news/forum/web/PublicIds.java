package news.forum.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * The ids clients see. Rows keep sequential bigint ids inside (the comment tree's order is built on them), but a
 * sequential id tells anyone how many comments, threads or accounts exist and how fast they grow; so every id
 * that leaves the server is a 64-bit block encrypted with Blowfish under a site key (a keyed permutation: one
 * public id per row, reversible only with the key), written as 11 characters of base64url. The block is the row
 * id (48 bits) under a 16-bit tag naming its {@link Kind}: account 7, thread 7 and comment 7 have unrelated public
 * ids, and an id of one kind names nothing of another (a 404), nor does a forged one, which decrypts to a tag of
 * the kind asked for about once in 65,536 tries.
 * <p>
 * Comments keep tag 0, the one every id had before kinds were tagged, so that comment ids given out by an older
 * version keep working after an upgrade; an older thread, account or log entry id no longer resolves (clients
 * read threads by article key, and a token naming an account by an older id is refused and renewed).
 * <p>
 * The key is {@code FORUM_ID_SECRET} when set, otherwise generated once and kept in the database, so that every
 * instance gives the same id to the same row and ids stay stable when the JWT secret is rotated.
 */
@Singleton
public class PublicIds {

    private static final int LENGTH = 11;
    /** Row ids fit in 48 bits (the comment path's keys are 12 hex digits); the 16 bits above them are the kind's tag. */
    static final long MAX_ROW_ID = (1L << 48) - 1;

    /** What a public id names; each kind's tag fills the block's 16 bits above the row id. */
    public enum Kind {
        /** Tag 0: the comment ids of versions before kinds were tagged stay valid. */
        COMMENT(0, "The comment"),
        ACCOUNT(1, "The account"),
        THREAD(2, "The thread"),
        LOG_ENTRY(3, "The log entry"),
        WORD_RULES(4, "The word rules");

        private final long tag;
        private final String what;

        Kind(long tag, String what) {
            this.tag = tag << 48;
            this.what = what;
        }
    }

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Supplier<String> secret;
    private volatile SecretKeySpec key;
    // Blowfish's key schedule is costly and a Cipher is not thread-safe: initialised ciphers are reused
    private final ConcurrentLinkedQueue<Cipher> encryptors = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Cipher> decryptors = new ConcurrentLinkedQueue<>();

    @Inject
    PublicIds(SiteSecrets secrets, @Nullable @Value("${forum.ids.secret:}") String configuredSecret) {
        this(configuredSecret == null || configuredSecret.isBlank()
                ? () -> secrets.getOrCreate("public-id-key") : () -> configuredSecret);
    }

    private PublicIds(Supplier<String> secret) {
        this.secret = secret;
    }

    /** The ids a server configured with this {@code FORUM_ID_SECRET} gives out: for tools and tests outside it. */
    public static PublicIds withSecret(String secret) {
        return new PublicIds(() -> secret);
    }

    public String format(Kind kind, long rowId) {
        if (rowId <= 0 || rowId > MAX_ROW_ID) {
            throw new IllegalArgumentException("row id out of range: " + rowId);
        }
        return ENCODER.encodeToString(apply(encryptors, Cipher.ENCRYPT_MODE,
                ByteBuffer.allocate(8).putLong(kind.tag | rowId).array()));
    }

    /** The row id behind a public id of this kind; a 404 problem ("The comment ...") when the string is none. */
    public long parse(Kind kind, String publicId) {
        return parse(kind, publicId, kind.what);
    }

    /** As {@link #parse(Kind, String)}, the 404 naming {@code what} (e.g. "The parent"). */
    public long parse(Kind kind, String publicId, String what) {
        return tryParse(kind, publicId).orElseThrow(() -> ProblemException.notFound(what));
    }

    public OptionalLong tryParse(Kind kind, @Nullable String publicId) {
        if (publicId == null || publicId.length() != LENGTH) {
            return OptionalLong.empty();
        }
        byte[] block;
        try {
            block = DECODER.decode(publicId);
        } catch (IllegalArgumentException e) {
            return OptionalLong.empty();
        }
        // base64url of 8 bytes leaves 2 spare bits in the last character: only the canonical spelling is an id
        if (block.length != 8 || !spelling(block).equals(publicId)) {
            return OptionalLong.empty();
        }
        long plain = ByteBuffer.wrap(apply(decryptors, Cipher.DECRYPT_MODE, block)).getLong();
        long id = plain & MAX_ROW_ID;
        return (plain & ~MAX_ROW_ID) == kind.tag && id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
    }

    private static String spelling(byte[] block) {
        return ENCODER.encodeToString(block);
    }

    private byte[] apply(ConcurrentLinkedQueue<Cipher> pool, int mode, byte[] block) {
        Cipher cipher = pool.poll();
        try {
            if (cipher == null) {
                cipher = Cipher.getInstance("Blowfish/ECB/NoPadding");
                cipher.init(mode, key());
            }
            byte[] out = cipher.doFinal(block);
            pool.offer(cipher);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Blowfish is part of every JDK", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            synchronized (this) {
                if (key == null) {
                    byte[] digest = sha256(secret.get());
                    key = new SecretKeySpec(Arrays.copyOf(digest, 16), "Blowfish");
                }
                current = key;
            }
        }
        return current;
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
