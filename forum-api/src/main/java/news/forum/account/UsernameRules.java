package news.forum.account;

import news.forum.web.ProblemException;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Usernames are compared after Unicode NFKC and case folding, so "Alice", "alice" and fullwidth "ａｌｉｃｅ"
 * are one name; they are shown as typed, in NFKC form.
 */
final class UsernameRules {

    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}_.-]{3,32}");
    private static final Pattern STARTS_WITH_LETTER_OR_DIGIT = Pattern.compile("^[\\p{L}\\p{Nd}].*");

    private UsernameRules() {
    }

    /** The name to store and show, or a 400 saying what is wrong with it. */
    static String normalize(String username) {
        String nfkc = Normalizer.normalize(username.strip(), Normalizer.Form.NFKC);
        if (!ALLOWED.matcher(nfkc).matches() || !STARTS_WITH_LETTER_OR_DIGIT.matcher(nfkc).matches()) {
            throw ProblemException.invalidField("username",
                    "must be 3 to 32 letters, digits, '_', '-' or '.', starting with a letter or digit");
        }
        return nfkc;
    }

    /**
     * The key two names collide on. Lenient: any input gives a key, so login needs no validation; one with control
     * characters (NUL, which PostgreSQL refuses in text) gives the empty key, which no account has.
     */
    static String key(String username) {
        if (username.length() > 256 || username.chars().anyMatch(Character::isISOControl)) {
            return "";
        }
        String nfkc = Normalizer.normalize(username.strip(), Normalizer.Form.NFKC);
        return Normalizer.normalize(nfkc.toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
    }
}
