package news.forum.moderation;

import org.ahocorasick.trie.PayloadEmit;
import org.ahocorasick.trie.PayloadTrie;

import java.util.Collection;
import java.util.Optional;

/**
 * Finds word rules in a text in one pass, however many rules there are: the rules are folded (see
 * {@link TextFolding}) into an Aho-Corasick automaton once, and each text is folded and run through it. A hit
 * counts only as a whole word: it neither starts nor ends inside a word, so "ass" is not found in "class". A
 * rejecting rule wins over a holding one; among rules of one kind, the first in the text.
 */
public final class WordMatcher {

    public enum Kind { REJECT, HOLD }

    /** A rule as the administrator wrote it. */
    public record Rule(String word, Kind kind) {
    }

    private static final WordMatcher EMPTY = new WordMatcher(null);

    private final PayloadTrie<Rule> trie;

    private WordMatcher(PayloadTrie<Rule> trie) {
        this.trie = trie;
    }

    public static WordMatcher empty() {
        return EMPTY;
    }

    /** Builds the automaton; when two rules fold to the same word, rejecting wins. */
    public static WordMatcher compile(Collection<Rule> rules) {
        if (rules.isEmpty()) {
            return EMPTY;
        }
        java.util.Map<String, Rule> byFolded = new java.util.HashMap<>();
        for (Rule rule : rules) {
            String folded = TextFolding.fold(rule.word());
            if (!folded.isEmpty()) {
                byFolded.merge(folded, rule, (a, b) -> a.kind() == Kind.REJECT ? a : b);
            }
        }
        PayloadTrie.PayloadTrieBuilder<Rule> builder = PayloadTrie.builder();
        byFolded.forEach(builder::addKeyword);
        return new WordMatcher(builder.build());
    }

    /** The rule the text breaks, if any. */
    public Optional<Rule> find(String text) {
        if (trie == null) {
            return Optional.empty();
        }
        String folded = TextFolding.fold(text);
        Rule[] found = new Rule[1];
        trie.parseText(folded, (PayloadEmit<Rule> hit) -> {
            Rule rule = hit.getPayload();
            boolean better = found[0] == null || (found[0].kind() == Kind.HOLD && rule.kind() == Kind.REJECT);
            if (better && wholeWord(folded, hit.getStart(), hit.getEnd() + 1)) {
                found[0] = rule;
                return true;
            }
            return false;
        });
        return Optional.ofNullable(found[0]);
    }

    /** Neither edge of [start, end) cuts through a word (scripts without spaces have no edges to cut). */
    private static boolean wholeWord(String text, int start, int end) {
        return !cutsWord(text, start) && !cutsWord(text, end);
    }

    private static boolean cutsWord(String text, int at) {
        if (at == 0 || at == text.length()) {
            return false;
        }
        int before = text.codePointBefore(at);
        int after = text.codePointAt(at);
        return TextFolding.isWordCharacter(before) && TextFolding.isWordCharacter(after)
                && !TextFolding.isUnspaced(before) && !TextFolding.isUnspaced(after);
    }
}
