package news.forum.account;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.SpoofChecker;
import com.ibm.icu.text.UnicodeSet;
import news.forum.web.ProblemException;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Usernames are compared after Unicode NFKC and case folding, so "Alice", "alice" and fullwidth "ａｌｉｃｅ"
 * are one name; they are shown as typed, in NFKC form.
 * <p>
 * Against look-alikes (Unicode TS 39): a name must hold only characters recommended for identifiers, no
 * invisible or direction-changing ones, digits of one numbering system, and scripts that are
 * "moderately restrictive" together (Latin with one other script such as Arabic or Han, but never Latin with
 * Cyrillic or Greek); and its confusable skeleton must be unused, so Cyrillic "раура" cannot join next to
 * Latin "paypa", nor "rnodern" next to "modern".
 */
public final class UsernameRules {

    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}_.-]{3,32}");
    private static final Pattern STARTS_WITH_LETTER_OR_DIGIT = Pattern.compile("^[\\p{L}\\p{Nd}].*");
    private static final String RULE =
            "must be 3 to 32 letters, digits, '_', '-' or '.', starting with a letter or digit";

    private static final UnicodeSet IDENTIFIER_CHARACTERS = new UnicodeSet(SpoofChecker.RECOMMENDED)
            .addAll(SpoofChecker.INCLUSION).addAll(new UnicodeSet("[_.\\-]")).freeze();
    /** Thread-safe once built (ICU). */
    private static final SpoofChecker CHECKER = new SpoofChecker.Builder()
            .setChecks(SpoofChecker.CHAR_LIMIT | SpoofChecker.RESTRICTION_LEVEL | SpoofChecker.MIXED_NUMBERS
                    | SpoofChecker.INVISIBLE | SpoofChecker.HIDDEN_OVERLAY)
            .setAllowedChars(IDENTIFIER_CHARACTERS)
            .setRestrictionLevel(SpoofChecker.RestrictionLevel.MODERATELY_RESTRICTIVE)
            .build();
    private static final SpoofChecker SKELETONS = new SpoofChecker.Builder().build();

    private UsernameRules() {
    }

    /** The name to store and show, or a 400 saying what is wrong with it. */
    static String normalize(String username) {
        String nfkc = Normalizer.normalize(username.strip(), Normalizer.Form.NFKC);
        if (nfkc.codePoints().anyMatch(UsernameRules::invisible)) {
            throw ProblemException.invalidField("username", "must not contain invisible or direction-changing characters");
        }
        if (!ALLOWED.matcher(nfkc).matches() || !STARTS_WITH_LETTER_OR_DIGIT.matcher(nfkc).matches()) {
            throw ProblemException.invalidField("username", RULE);
        }
        SpoofChecker.CheckResult result = new SpoofChecker.CheckResult();
        if (CHECKER.failsChecks(nfkc, result)) {
            throw ProblemException.invalidField("username", spoofingReason(result.checks));
        }
        return nfkc;
    }

    /**
     * The key two names collide on. Lenient: any input gives a key, so login needs no validation; one with control
     * characters (NUL, which PostgreSQL refuses in text) gives the empty key, which no account has.
     */
    public static String key(String username) {
        if (username.length() > 256 || username.chars().anyMatch(Character::isISOControl)) {
            return "";
        }
        String nfkc = Normalizer.normalize(username.strip(), Normalizer.Form.NFKC);
        return Normalizer.normalize(nfkc.toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
    }

    /**
     * The key two look-alike names collide on: the TS 39 skeleton, taken again after lower-casing so that it
     * ignores case as the key does ("PAYPAL", "paypal" and Cyrillic "РАУРАL" all give "paypal") while upper
     * case "I" still reads as "l".
     */
    static String skeleton(String normalizedName) {
        String once = SKELETONS.getSkeleton(normalizedName);
        return SKELETONS.getSkeleton(UCharacter.toLowerCase(Locale.ROOT, once));
    }

    private static boolean invisible(int codePoint) {
        return UCharacter.hasBinaryProperty(codePoint, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
                || UCharacter.hasBinaryProperty(codePoint, UProperty.BIDI_CONTROL)
                || UCharacter.hasBinaryProperty(codePoint, UProperty.JOIN_CONTROL);
    }

    private static String spoofingReason(int failedChecks) {
        if ((failedChecks & SpoofChecker.CHAR_LIMIT) != 0) {
            return "must use only characters recommended for names (no historic, technical or compatibility letters)";
        }
        if ((failedChecks & SpoofChecker.RESTRICTION_LEVEL) != 0) {
            return "must not mix scripts that can look alike, such as Latin with Cyrillic or Greek";
        }
        if ((failedChecks & SpoofChecker.MIXED_NUMBERS) != 0) {
            return "must not mix digits of different numbering systems";
        }
        return "must not contain invisible or stacked marks";
    }
}
