package news.forum.moderation;

import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import news.forum.comment.NewCommentRules;
import news.forum.web.ProblemException;

import java.util.Optional;

/** A comment with a rejecting word is refused (422 naming the word); one with a holding word waits for review. */
@Singleton
@Order(30)
class WordRulesCheck implements NewCommentRules {

    private final WordRules rules;

    WordRulesCheck(WordRules rules) {
        this.rules = rules;
    }

    @Override
    public Optional<String> check(NewComment comment) {
        Optional<WordMatcher.Rule> broken = rules.matcher().find(comment.body());
        if (broken.isEmpty()) {
            return Optional.empty();
        }
        WordMatcher.Rule rule = broken.get();
        if (rule.kind() == WordMatcher.Kind.REJECT) {
            throw ProblemException.unprocessable("word-rejected", "Word not allowed",
                    "This forum does not accept comments containing \"" + rule.word() + "\".");
        }
        // a moderator's comment would only wait for a moderator
        return comment.author().role().moderates()
                ? Optional.empty()
                : Optional.of("It contains \"" + rule.word() + "\", which a moderator reviews first.");
    }
}
