package news.forum.moderation;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Matching itself, without the server: folding, whole words, and many rules at once. */
class WordMatcherTest {

    private static WordMatcher.Rule reject(String word) {
        return new WordMatcher.Rule(word, WordMatcher.Kind.REJECT);
    }

    private static WordMatcher.Rule hold(String word) {
        return new WordMatcher.Rule(word, WordMatcher.Kind.HOLD);
    }

    @Test
    void foldingIgnoresCaseWidthAccentsAndInvisibleCharacters() {
        assertThat(TextFolding.fold("Ｃｒèｍｅ  BRÛLÉE")).isEqualTo("creme brulee");
        assertThat(TextFolding.fold("Straße")).isEqualTo("strasse");
        assertThat(TextFolding.fold("Łódź Ørsted")).isEqualTo("lodz orsted");
        assertThat(TextFolding.fold("in\u00ADvis\u200Bible")).isEqualTo("invisible");
        assertThat(TextFolding.fold("ｆｉ ﬁ")).isEqualTo("fi fi");
    }

    @Test
    void aRuleIsFoundOnlyAsAWholeWord() {
        WordMatcher matcher = WordMatcher.compile(List.of(reject("ass")));
        assertThat(matcher.find("class")).isEmpty();
        assertThat(matcher.find("assume")).isEmpty();
        assertThat(matcher.find("ass2")).isEmpty();
        assertThat(matcher.find("glass, bass, mass")).isEmpty();
        assertThat(matcher.find("ass")).isPresent();
        assertThat(matcher.find("an ass.")).isPresent();
        assertThat(matcher.find("\"ASS\"")).isPresent();
        assertThat(matcher.find("kick-ass")).isPresent();
    }

    @Test
    void aRejectingRuleWinsOverAHoldingOneWhereverItIs() {
        WordMatcher matcher = WordMatcher.compile(List.of(hold("maybe"), reject("never")));
        assertThat(matcher.find("maybe now, never later")).contains(reject("never"));
        assertThat(matcher.find("maybe now")).contains(hold("maybe"));
        assertThat(WordMatcher.compile(List.of(hold("Crème"), reject("creme"))).find("CRÈME")).contains(reject("creme"));
    }

    @Test
    void overlappingRulesAreEachFound() {
        WordMatcher matcher = WordMatcher.compile(List.of(reject("he"), hold("she said"), reject("said so")));
        assertThat(matcher.find("she said so")).contains(reject("said so"));
        assertThat(matcher.find("the shell")).isEmpty();
    }

    @Test
    void rulesInScriptsWithoutSpacesMatchInsideARunOfText() {
        WordMatcher matcher = WordMatcher.compile(List.of(reject("馬鹿"), reject("Дурак")));
        assertThat(matcher.find("お前は馬鹿だ")).isPresent();
        assertThat(matcher.find("ты дурак!")).isPresent();
        assertThat(matcher.find("дураки")).isEmpty();
    }

    @Test
    void tenThousandRulesFindExactlyWhatAPlainSearchFinds() {
        Random random = new Random(42);
        List<WordMatcher.Rule> rules = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            rules.add(reject(word(random)));
        }
        WordMatcher matcher = WordMatcher.compile(rules);
        for (int round = 0; round < 200; round++) {
            List<String> words = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                words.add(random.nextInt(50) == 0 ? rules.get(random.nextInt(rules.size())).word() : word(random));
            }
            String text = String.join(" ", words);
            boolean expected = words.stream().anyMatch(w -> rules.contains(reject(w)));
            assertThat(matcher.find(text).isPresent()).as(text).isEqualTo(expected);
        }
    }

    private static String word(Random random) {
        StringBuilder word = new StringBuilder();
        int length = 3 + random.nextInt(6);
        for (int i = 0; i < length; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
