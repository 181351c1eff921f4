package news.forum.comment;

import io.micronaut.core.annotation.Nullable;
import news.forum.account.Caller;

import java.util.Optional;

/**
 * A check every new comment passes before it is stored (word rules, links, repeats, slow mode). Every bean of
 * this type runs inside the posting transaction, after the request is validated and before the insert.
 */
public interface NewCommentRules {

    /**
     * Refuses the comment by throwing a {@link news.forum.web.ProblemException} (422 naming the rule, 429 with
     * Retry-After), or returns why it must wait for a moderator's review; empty to let it through.
     */
    Optional<String> check(NewComment comment);

    record NewComment(Caller author, long threadId, @Nullable Long parentId, String body) {
    }
}
