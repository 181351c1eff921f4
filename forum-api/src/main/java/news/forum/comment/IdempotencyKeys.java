package news.forum.comment;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import news.forum.database.Sql;
import news.forum.web.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Idempotency-Key for posting comments (unique per account). The key is claimed before the comment is
 * written, in the same transaction: a concurrent request with the same key waits on the claim, then finds
 * the committed comment and replays it, so one key never makes two comments.
 */
@Singleton
class IdempotencyKeys {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private static final int PRUNE_BATCH = 1000;

    private final Sql sql;
    private final Duration retention;

    IdempotencyKeys(Sql sql, @Value("${forum.idempotency.retention:24h}") Duration retention) {
        this.sql = sql;
        this.retention = retention;
    }

    /**
     * Forgets keys older than the retention: a client retries within minutes, not days. Batched so that no
     * statement holds many row locks; every instance may run it, a row is deleted once.
     */
    @Scheduled(initialDelay = "2m", fixedDelay = "10m")
    @Transactional
    public void pruneExpired() {
        int removed;
        do {
            removed = sql.update("""
                    DELETE FROM idempotency_key WHERE ctid = ANY (ARRAY(
                        SELECT ctid FROM idempotency_key WHERE created_at < now() - ?::interval
                        LIMIT ? FOR UPDATE SKIP LOCKED))""", retention.toSeconds() + " seconds", PRUNE_BATCH);
        } while (removed == PRUNE_BATCH);
    }

    static String check(String key) {
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.badRequest("invalid-idempotency-key", "Invalid Idempotency-Key",
                    "The Idempotency-Key header must be 1 to 255 visible ASCII characters.");
        }
        return key;
    }

    static byte[] fingerprint(long threadId, Long parentId, String body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((threadId + "\n" + parentId + "\n").getBytes(StandardCharsets.UTF_8));
            return digest.digest(body.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Claims the key, or returns the comment an earlier request with this key and the same request made.
     * A different request under a used key is a 422.
     */
    Optional<Long> claimOrReplay(long accountId, String key, byte[] fingerprint) {
        boolean claimed = sql.update("""
                INSERT INTO idempotency_key (account_id, idempotency_key, request_hash) VALUES (?, ?, ?)
                ON CONFLICT (account_id, idempotency_key) DO NOTHING""", accountId, key, fingerprint) == 1;
        if (claimed) {
            return Optional.empty();
        }
        record Earlier(byte[] hash, Long commentId) {
        }
        Earlier earlier = sql.one("SELECT request_hash, comment_id FROM idempotency_key"
                        + " WHERE account_id = ? AND idempotency_key = ?",
                row -> new Earlier(row.getBytes("request_hash"), Sql.nullableLong(row, "comment_id")), accountId, key)
                .orElseThrow(() -> new IllegalStateException("idempotency key vanished"));
        if (!Arrays.equals(earlier.hash(), fingerprint)) {
            throw ProblemException.unprocessable("idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was already used for a different request.");
        }
        return Optional.of(earlier.commentId());
    }

    void complete(long accountId, String key, long commentId) {
        sql.update("UPDATE idempotency_key SET comment_id = ? WHERE account_id = ? AND idempotency_key = ?",
                commentId, accountId, key);
    }
}
