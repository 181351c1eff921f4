package news.forum.moderation;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/** The site's moderation settings ({@code forum.moderation} in application.yml); a bad value stops the start. */
@Singleton
public class ModerationSettings {

    /** Who waits for a moderator before a comment shows: nobody, everybody, or new accounts. */
    public static final Set<String> PREMODERATION_MODES = Set.of("none", "all", "new_accounts");

    private final String premoderation;
    private final Duration newAccountAge;
    private final int newAccountApprovedComments;
    private final int flagThreshold;
    private final Duration flagMinAccountAge;

    ModerationSettings(@Value("${forum.moderation.premoderation:none}") String premoderation,
                       @Value("${forum.moderation.new-account-age:72h}") Duration newAccountAge,
                       @Value("${forum.moderation.new-account-approved-comments:3}") int newAccountApprovedComments,
                       @Value("${forum.moderation.flag-threshold:3}") int flagThreshold,
                       @Value("${forum.moderation.flag-min-account-age:24h}") Duration flagMinAccountAge) {
        String mode = premoderation.strip().toLowerCase(Locale.ROOT);
        if (!PREMODERATION_MODES.contains(mode)) {
            throw new IllegalArgumentException("forum.moderation.premoderation (FORUM_PREMODERATION) must be none, all"
                    + " or new_accounts, not '" + premoderation + "'");
        }
        if (newAccountAge.isNegative() || newAccountApprovedComments < 0) {
            throw new IllegalArgumentException("forum.moderation.new-account-age and new-account-approved-comments"
                    + " must not be negative");
        }
        if (flagThreshold < 1) {
            throw new IllegalArgumentException("forum.moderation.flag-threshold (FORUM_FLAG_THRESHOLD) must be at least 1");
        }
        this.premoderation = mode;
        this.newAccountAge = newAccountAge;
        this.newAccountApprovedComments = newAccountApprovedComments;
        if (flagMinAccountAge.isNegative()) {
            throw new IllegalArgumentException("forum.moderation.flag-min-account-age (FORUM_FLAG_MIN_ACCOUNT_AGE)"
                    + " must not be negative");
        }
        this.flagThreshold = flagThreshold;
        this.flagMinAccountAge = flagMinAccountAge;
    }

    /** The site default, for threads that have none of their own. */
    public String premoderation() {
        return premoderation;
    }

    /** Under new_accounts, an account younger than this waits for review... */
    public Duration newAccountAge() {
        return newAccountAge;
    }

    /** ...and so does one with fewer approved comments than this. */
    public int newAccountApprovedComments() {
        return newAccountApprovedComments;
    }

    /** Open flags that hide a comment from readers until a moderator reviews it (those that count, see Flags). */
    public int flagThreshold() {
        return flagThreshold;
    }

    /** A flag counts towards hiding only from an account at least this old (with a published comment). */
    public Duration flagMinAccountAge() {
        return flagMinAccountAge;
    }
}
