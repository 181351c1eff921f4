package news.forum.moderation;

import io.micronaut.transaction.TransactionOperations;
import news.forum.account.Caller;
import news.forum.account.Role;
import news.forum.comment.NewCommentRules.NewComment;
import news.forum.comment.NewCommentRules;
import news.forum.support.ApiTestBase;
import news.forum.support.WholeDatabase;
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
@WholeDatabase
class NewCommentRulesHoldTest extends ApiTestBase {

    @AfterEach
    void noRulesLeftForOtherTests() {
        api.call(c -> c.replaceWordRules(null)).token(api.admin().token()).body(Map.of()).send().expectStatus(200);
    }

    @Test
    void theRulesRunCheapestRefusalFirst() {
        List<Class<?>> expected = List.of(SlowModeCheck.class, RepeatCheck.class, WordRulesCheck.class, LinkCheck.class);
        List<Class<?>> actual = context.getBeansOfType(NewCommentRules.class).stream().sorted(io.micronaut.core.order.OrderUtil.COMPARATOR)
                .<Class<?>>map(rule -> expected.stream().filter(type -> type.isInstance(rule)).findFirst().orElse(null))
                .filter(java.util.Objects::nonNull)
                .toList();
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void aHoldingWordHoldsTheCommentWithItsReasonWhateverItsCaseAndAccents() {
        api.call(c -> c.replaceWordRules(null)).token(api.admin().token()).body(Map.of("hold", List.of("Zelmirath", "déjà vu"), "reject", List.of("Quenzik"))).send().expectStatus(200);
        assertThat(check(bean(WordRulesCheck.class), reader(), "Is this ZELMIRATH?")).hasValueSatisfying(reason ->
                assertThat(reason).contains("\"Zelmirath\""));
        assertThat(check(bean(WordRulesCheck.class), reader(), "Ｚｅｌｍｉｒａｔｈ")).isPresent();
        assertThat(check(bean(WordRulesCheck.class), reader(), "a strong deja  VU")).hasValueSatisfying(reason ->
                assertThat(reason).contains("\"déjà vu\""));
        assertThat(check(bean(WordRulesCheck.class), reader(), "Zelmiraths are not it")).isEmpty();
        assertThat(check(bean(WordRulesCheck.class), reader(), "nothing to see")).isEmpty();
        assertThat(check(bean(WordRulesCheck.class), moderator(), "Zelmirath")).as("a moderator's comment is not held").isEmpty();
    }

    @Test
    void moreThanThreeLinksHoldTheComment() {
        String three = "See https://a.example, [b](https://b.example) and www.c.example";
        assertThat(check(bean(LinkCheck.class), reader(), three)).isEmpty();
        String four = three + " and <https://d.example>";
        assertThat(check(bean(LinkCheck.class), reader(), four)).hasValueSatisfying(reason ->
                assertThat(reason).contains("4 links"));
        assertThat(check(bean(LinkCheck.class), moderator(), four)).isEmpty();
        String textOnly = "Look: `https://a.example` https://b.example [c](javascript:alert(1)) d@ e: www";
        assertThat(check(bean(LinkCheck.class), reader(), textOnly + " " + textOnly)).as("code spans and unsafe links are no links").isEmpty();
    }

    private Optional<String> check(NewCommentRules rule, Caller author, String body) {
        return transactions().executeRead(status -> rule.check(new NewComment(author, 1, null, body)));
    }

    private static Caller reader() {
        return new Caller(1, "reader", "Reader", Role.USER);
    }

    private static Caller moderator() {
        return new Caller(1, "mod", "Mod", Role.MODERATOR);
    }
}
