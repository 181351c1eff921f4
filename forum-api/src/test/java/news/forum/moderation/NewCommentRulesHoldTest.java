package news.forum.moderation;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import news.forum.account.Caller;
import news.forum.account.Role;
import news.forum.comment.NewCommentRules;
import news.forum.comment.NewCommentRules.NewComment;
import news.forum.support.ApiTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reasons to hold a comment for review that the rules give the posting transaction (which holds the comment
 * once pre-moderation exists; until then a reason is not acted on, so this is checked at the rules themselves).
 */
@MicronautTest(transactional = false)
class NewCommentRulesHoldTest extends ApiTestBase {

    @Inject
    List<NewCommentRules> rules;
    @Inject
    WordRulesCheck wordRules;
    @Inject
    LinkCheck links;
    @Inject
    TransactionOperations<Connection> transactions;

    @AfterEach
    void noRulesLeftForOtherTests() {
        api.put("/api/v1/moderation/word-rules", api.admin().token(), Map.of()).expectStatus(200);
    }

    @Test
    void theRulesRunCheapestRefusalFirst() {
        List<Class<?>> expected = List.of(SlowModeCheck.class, RepeatCheck.class, WordRulesCheck.class, LinkCheck.class);
        List<Class<?>> actual = rules.stream()
                .<Class<?>>map(rule -> expected.stream().filter(type -> type.isInstance(rule)).findFirst().orElse(null))
                .filter(java.util.Objects::nonNull)
                .toList();
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void aHoldingWordHoldsTheCommentWithItsReasonWhateverItsCaseAndAccents() {
        api.put("/api/v1/moderation/word-rules", api.admin().token(),
                Map.of("hold", List.of("Zelmirath", "déjà vu"), "reject", List.of("Quenzik"))).expectStatus(200);
        assertThat(check(wordRules, reader(), "Is this ZELMIRATH?")).hasValueSatisfying(reason ->
                assertThat(reason).contains("\"Zelmirath\""));
        assertThat(check(wordRules, reader(), "Ｚｅｌｍｉｒａｔｈ")).isPresent();
        assertThat(check(wordRules, reader(), "a strong deja  VU")).hasValueSatisfying(reason ->
                assertThat(reason).contains("\"déjà vu\""));
        assertThat(check(wordRules, reader(), "Zelmiraths are not it")).isEmpty();
        assertThat(check(wordRules, reader(), "nothing to see")).isEmpty();
        assertThat(check(wordRules, moderator(), "Zelmirath")).as("a moderator's comment is not held").isEmpty();
    }

    @Test
    void moreThanThreeLinksHoldTheComment() {
        String three = "See https://a.example, [b](https://b.example) and www.c.example";
        assertThat(check(links, reader(), three)).isEmpty();
        String four = three + " and <https://d.example>";
        assertThat(check(links, reader(), four)).hasValueSatisfying(reason ->
                assertThat(reason).contains("4 links"));
        assertThat(check(links, moderator(), four)).isEmpty();
        String textOnly = "Look: `https://a.example` https://b.example [c](javascript:alert(1)) d@ e: www";
        assertThat(check(links, reader(), textOnly + " " + textOnly)).as("code spans and unsafe links are no links").isEmpty();
    }

    private Optional<String> check(NewCommentRules rule, Caller author, String body) {
        return transactions.executeRead(status -> rule.check(new NewComment(author, 1, null, body)));
    }

    private static Caller reader() {
        return new Caller(1, "reader", "Reader", Role.USER);
    }

    private static Caller moderator() {
        return new Caller(1, "mod", "Mod", Role.MODERATOR);
    }
}
