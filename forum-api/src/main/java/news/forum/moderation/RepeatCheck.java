package news.forum.moderation;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Order;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import news.forum.comment.NewCommentRules;
import news.forum.database.Sql;
import news.forum.web.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Optional;

/**
 * The same author posting the same text again within the repeat window (10 minutes) is refused with 422,
 * wherever it is posted. Texts are compared by their words once case, width and accents are folded, so spacing and
 * punctuation do not make a copy new. The check and the record are one statement, so two copies sent at once make
 * one comment; a refused comment rolls its record back with it.
 */
@Singleton
@Order(20)
class RepeatCheck implements NewCommentRules {

    private final Sql sql;
    private final Duration window;

    RepeatCheck(Sql sql, @Value("${forum.moderation.repeat-window:10m}") Duration window) {
        this.sql = sql;
        this.window = window;
    }

    @Override
    public Optional<String> check(NewComment comment) {
        boolean fresh = sql.one("""
                        INSERT INTO recent_comment_text (author_id, fingerprint, posted_at) VALUES (?, ?, now())
                        ON CONFLICT (author_id, fingerprint) DO UPDATE SET posted_at = excluded.posted_at
                        WHERE recent_comment_text.posted_at <= now() - make_interval(secs => ?)
                        RETURNING true""",
                row -> true, comment.author().id(), fingerprint(comment.body()), (double) window.toSeconds()).isPresent();
        if (!fresh) {
            throw ProblemException.unprocessable("repeated-comment", "Already posted",
                    "You posted this text a moment ago; write something new, or wait "
                            + window.toMinutes() + " minutes before posting it again.");
        }
        return Optional.empty();
    }

    /** Forgets texts older than the window. */
    @Scheduled(initialDelay = "1m", fixedDelay = "5m")
    @Transactional
    public void forgetOldTexts() {
        sql.update("DELETE FROM recent_comment_text WHERE posted_at < now() - make_interval(secs => ?)",
                (double) window.toSeconds());
    }

    /** SHA-256 of the text's words, folded; a text of no words at all (only emoji, say) by its folded whole. */
    static byte[] fingerprint(String body) {
        String folded = TextFolding.fold(body);
        StringBuilder words = new StringBuilder(folded.length());
        boolean gap = false;
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            i += Character.charCount(c);
            if (TextFolding.isWordCharacter(c)) {
                if (gap && !words.isEmpty()) {
                    words.append(' ');
                }
                gap = false;
                words.appendCodePoint(c);
            } else {
                gap = true;
            }
        }
        String normalised = words.isEmpty() ? folded : words.toString();
        try {
            return MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
