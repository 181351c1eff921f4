package news.forum.moderation;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import news.forum.account.Caller;
import news.forum.account.Callers;
import news.forum.account.Role;
import news.forum.audit.AuditLog;
import news.forum.text.TextRules;
import news.forum.web.ProblemException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The word rules: stored in PostgreSQL, so every instance applies the same ones. Each instance keeps the matcher it
 * compiled with the version it was compiled from, and checks that version (one primary-key read) before every use:
 * a change committed on any instance is applied by every instance from the next comment on.
 */
@Singleton
public class WordRules {

    static final int MAX_WORDS = 10_000;
    static final int MAX_WORD_LENGTH = 100;

    private record Compiled(long version, WordMatcher matcher) {
    }

    private final WordRuleRepository repository;
    private final Callers callers;
    private final AuditLog audit;
    private volatile Compiled compiled = new Compiled(-1, WordMatcher.empty());

    WordRules(WordRuleRepository repository, Callers callers, AuditLog audit) {
        this.repository = repository;
        this.callers = callers;
        this.audit = audit;
    }

    /** The matcher of the rules in force; call it inside a transaction. */
    WordMatcher matcher() {
        Compiled current = compiled;
        if (current.version() == repository.version()) {
            return current.matcher();
        }
        synchronized (this) {
            WordRuleRepository.RuleSet rules = repository.load();
            if (compiled.version() != rules.version()) {
                compiled = new Compiled(rules.version(), WordMatcher.compile(rules.rules()));
            }
            return compiled.matcher();
        }
    }

    @ReadOnly
    public WordRulesView get(Authentication authentication) {
        callers.requireModerator(authentication);
        return view(repository.load());
    }

    /** Replaces every rule (ADMIN); one audit entry. */
    @Transactional
    public WordRulesView replace(Authentication authentication, WordRulesRequest request) {
        Caller admin = callers.require(authentication);
        if (admin.role() != Role.ADMIN) {
            throw ProblemException.forbidden("Only administrators may change the word rules.");
        }
        List<String> reject = words("reject", request.reject());
        List<String> hold = words("hold", request.hold());
        Map<String, String> rejected = new HashMap<>();
        reject.forEach(word -> rejected.put(TextFolding.fold(word), word));
        for (String word : hold) {
            String same = rejected.get(TextFolding.fold(word));
            if (same != null) {
                throw ProblemException.unprocessable("word-rule-conflict", "A word cannot both reject and hold",
                        "\"" + word + "\" (hold) and \"" + same + "\" (reject) are the same word once case and accents"
                                + " are ignored; keep it in one list.");
            }
        }
        long version = repository.replace(reject, hold);
        audit.record(admin.id(), "word-rules.replace", "word-rules", version,
                reject.size() + " reject, " + hold.size() + " hold");
        return view(repository.load());
    }

    /**
     * The words of one list, cleaned: a 400 naming the entry for an empty word, a too long one, one without any
     * letter or digit, or too many; words that fold to one already listed are kept once, as first written.
     */
    private static List<String> words(String field, List<String> words) {
        if (words == null) {
            return List.of();
        }
        if (words.size() > MAX_WORDS) {
            throw ProblemException.invalidField(field, "must hold at most " + MAX_WORDS + " words");
        }
        Map<String, String> byFolded = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String entry = field + "[" + i + "]";
            String word = words.get(i) == null ? "" : TextRules.cleanLine(entry, words.get(i));
            if (word.isEmpty()) {
                throw ProblemException.invalidField(entry, "must not be empty");
            }
            if (TextRules.length(word) > MAX_WORD_LENGTH) {
                throw ProblemException.invalidField(entry, "must be at most " + MAX_WORD_LENGTH + " characters long");
            }
            String folded = TextFolding.fold(word);
            if (folded.codePoints().noneMatch(Character::isLetterOrDigit)) {
                throw ProblemException.invalidField(entry, "must contain a letter or a digit");
            }
            byFolded.putIfAbsent(folded, word);
        }
        return new ArrayList<>(byFolded.values());
    }

    private static WordRulesView view(WordRuleRepository.RuleSet rules) {
        List<String> reject = new ArrayList<>();
        List<String> hold = new ArrayList<>();
        for (WordMatcher.Rule rule : rules.rules()) {
            (rule.kind() == WordMatcher.Kind.REJECT ? reject : hold).add(rule.word());
        }
        return new WordRulesView(reject, hold, rules.version());
    }
}
