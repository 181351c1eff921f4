package news.forum.moderation;

import jakarta.inject.Singleton;
import news.forum.comment.NewCommentRules;

import java.util.Optional;

/**
 * A rule of the kind the word and link rules are: it holds any comment carrying {@link #MARKER}, so the tests can
 * see a rule's reason hold a comment and reach the queue. No other comment is affected.
 */
@Singleton
class HoldingRuleForTests implements NewCommentRules {

    static final String MARKER = "hold-me-for-the-moderation-tests";
    static final String REASON = "Held by the test rule: the comment carries its marker.";

    @Override
    public Optional<String> check(NewComment comment) {
        return comment.body().contains(MARKER) ? Optional.of(REASON) : Optional.empty();
    }
}
