package news.forum.moderation;

import jakarta.inject.Singleton;
import news.forum.comment.NewCommentRules;
import news.forum.database.Sql;

import java.util.Optional;

/**
 * Pre-moderation as one of the rules every new comment passes: the thread's setting, or the site default when it has
 * none, decides whether the comment waits for a moderator. Moderators' own comments never wait.
 */
@Singleton
class Premoderation implements NewCommentRules {

    static final String ALL = "Pre-moderation: every comment in this thread is reviewed before it shows.";
    static final String NEW_ACCOUNT = "Pre-moderation: comments from new accounts are reviewed before they show.";

    private final Sql sql;
    private final ModerationSettings settings;

    Premoderation(Sql sql, ModerationSettings settings) {
        this.sql = sql;
        this.settings = settings;
    }

    @Override
    public Optional<String> check(NewComment comment) {
        if (comment.author().role().moderates()) {
            return Optional.empty();
        }
        Optional<String> threadSetting = sql.one("SELECT coalesce(premoderation, ?) AS mode FROM thread WHERE id = ?",
                row -> row.getString("mode"), settings.premoderation(), comment.threadId());
        return switch (threadSetting.orElse("none")) {
            case "all" -> Optional.of(ALL);
            case "new_accounts" -> isNew(comment.author().id()) ? Optional.of(NEW_ACCOUNT) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** Younger than the configured age, or with fewer approved comments than configured (counted up to that many). */
    private boolean isNew(long accountId) {
        int enough = settings.newAccountApprovedComments();
        return sql.one("""
                        SELECT a.created_at > now() - make_interval(secs => ?)
                            OR (SELECT count(*) FROM (SELECT 1 FROM comment
                                                      WHERE author_id = a.id AND review_state IS NULL AND removed_at IS NULL
                                                      LIMIT ?) approved) < ? AS new_account
                        FROM account a WHERE a.id = ?""",
                row -> row.getBoolean("new_account"), (double) settings.newAccountAge().toSeconds(), enough, enough,
                accountId).orElse(true);
    }
}
