package news.forum.moderation;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import news.forum.comment.NewCommentRules;
import news.forum.text.MarkdownRenderer;

import java.util.Optional;

/**
 * A comment with more links than FORUM_MAX_LINKS waits for review (link spam). Links are counted as readers get
 * them: the links of the rendered comment, explicit and autolinked alike (see {@link MarkdownRenderer#countLinks}).
 */
@Singleton
@Order(40)
class LinkCheck implements NewCommentRules {

    private final MarkdownRenderer markdown;
    private final int maxLinks;

    LinkCheck(MarkdownRenderer markdown, @Value("${forum.moderation.max-links:3}") int maxLinks) {
        this.markdown = markdown;
        this.maxLinks = maxLinks;
    }

    @Override
    public Optional<String> check(NewComment comment) {
        if (comment.author().role().moderates()) {
            return Optional.empty();
        }
        int links = markdown.countLinks(comment.body());
        return links > maxLinks
                ? Optional.of("It has " + links + " links; comments with more than " + maxLinks
                + " wait for a moderator.")
                : Optional.empty();
    }
}
