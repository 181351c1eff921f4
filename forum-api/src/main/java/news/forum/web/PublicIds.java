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
 * that leaves the server is its 64-bit block encrypted with Blowfish under a site key (a keyed permutation: one
 * public id per row, reversible only with the key), written as 11 characters of base64url. A string that does
 * not decrypt to a plausible id names nothing; a forged one is recognised as such (see {@link #MAX_ROW_ID}).
 * <p>
 * The key is {@code FORUM_ID_SECRET} when set, otherwise generated once and kept in the database, so that every
 * instance gives the same id to the same row and ids stay stable when the JWT secret is rotated.
 */
@Singleton
public class PublicIds {

    private static final int LENGTH = 11;
    /**
     * Row ids fit in 48 bits (the comment path's keys are 12 hex digits), so a public id carries 16 bits of
     * redundancy: a forged or mistyped one decrypts to a valid row id about once in 65,536 tries.
     */
    static final long MAX_ROW_ID = (1L << 48) - 1;
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

    public String format(long id) {
        return ENCODER.encodeToString(apply(encryptors, Cipher.ENCRYPT_MODE, ByteBuffer.allocate(8).putLong(id).array()));
    }

    /** The row id behind a public id; a 404 problem naming {@code what} when the string is none. */
    public long parse(String publicId, String what) {
        return tryParse(publicId).orElseThrow(() -> ProblemException.notFound(what));
    }

    public OptionalLong tryParse(@Nullable String publicId) {
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
        if (block.length != 8 || !format(block).equals(publicId)) {
            return OptionalLong.empty();
        }
        long id = ByteBuffer.wrap(apply(decryptors, Cipher.DECRYPT_MODE, block)).getLong();
        return id > 0 && id <= MAX_ROW_ID ? OptionalLong.of(id) : OptionalLong.empty();
    }

    private static String format(byte[] block) {
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
