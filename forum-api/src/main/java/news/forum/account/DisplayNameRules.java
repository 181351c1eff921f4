package news.forum.account;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.UnicodeSet;
import news.forum.web.ProblemException;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Display names are free text (spaces, punctuation, any script), shown beside the username, but they must not pass
 * for someone else's (issue 11):
 * <ul>
 * <li>the username's rules on invisible characters: nothing default-ignorable (U+200B, U+3164), no bidi or join
 *     controls (U+061C, U+202E), no control characters or line and paragraph separators (U+0085, U+2028), nothing
 *     that draws as blank space (U+2800), and only the plain space between words;</li>
 * <li>no name that speaks for the forum ("Moderator", "Admin", "Staff", in any look-alike spelling), except on the
 *     accounts the operator makes (the demo's staff, {@code FORUM_ADMIN_*});</li>
 * <li>no copy, exact or look-alike, of another account's display name or username: {@link #key} is the TS 39
 *     confusable skeleton with case, spaces and separators ignored, unique among display names (V55) and checked
 *     against usernames' skeletons.</li>
 * </ul>
 * A refusal is a 422 naming the field.
 */
final class DisplayNameRules {

    static final int MAX_LENGTH = 64;
    /** Characters that draw nothing or blank space though no Unicode property calls them invisible. */
    private static final UnicodeSet BLANK = new UnicodeSet("[\\u115F\\u1160\\u3164\\uFFA0\\u2800\\u180E\\u17B4\\u17B5\\u034F]").freeze();
    /** Spaces and the separators usernames use: "Tariq Ahmed", "tariq_ahmed" and "Tariq.Ahmed" are one name. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_.\\-·'’]+");
    private static final Pattern EDGE_SPACES = Pattern.compile("^ +| +$");
    private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Names only the forum's own staff may carry, compared by skeleton; the long ones also within a word. */
    private static final Set<String> STAFF_WORDS = skeletons(List.of("mod", "mods", "moderator", "moderators",
            "moderation", "admin", "admins", "administrator", "administrators", "staff", "sysop", "system", "official"));
    private static final Set<String> STAFF_STEMS = skeletons(List.of("moderator", "admin"));

    private DisplayNameRules() {
    }

    /** The display name to store and show (NFKC, trimmed), or a 422 saying what is wrong with it. */
    static String normalize(String displayName, Role role) {
        // checked before trimming, which would quietly drop a U+2028 or U+3000 at either end; only plain spaces go
        String name = Normalizer.normalize(displayName, Normalizer.Form.NFKC);
        if (name.codePoints().anyMatch(DisplayNameRules::invisible)) {
            throw refused("must not contain invisible, blank, control or direction-changing characters");
        }
        name = EDGE_SPACES.matcher(name).replaceAll("");
        if (name.contains("  ")) {
            throw refused("must not contain runs of spaces");
        }
        if (name.isEmpty()) {
            throw refused("must not be blank");
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            throw refused("must be at most " + MAX_LENGTH + " characters long");
        }
        if (role == Role.USER && speaksForTheForum(name)) {
            throw ProblemException.unprocessable("display-name-reserved", "Display name reserved",
                    "The display name reads as the forum's staff (moderator, admin): only the staff's own accounts carry such names.");
        }
        return name;
    }

    /** The key two look-alike names collide on: the skeleton of the name without case, spaces or separators. */
    static String key(String name) {
        return UsernameRules.skeleton(SEPARATORS.matcher(name.toLowerCase(Locale.ROOT)).replaceAll(""));
    }

    /**
     * The usernames' skeletons a display name would pass for: its words joined with nothing, '_', '.' or '-' (the
     * separators a username may hold), as the skeletons {@link UsernameRules#skeleton} gives.
     */
    static List<String> usernameLookAlikes(String name) {
        String[] words = SEPARATORS.split(name.strip());
        return List.of("", "_", ".", "-").stream()
                .map(separator -> String.join(separator, words))
                .flatMap(DisplayNameRules::casings)
                .map(UsernameRules::skeleton)
                .distinct().toList();
    }

    /**
     * The name as typed, in lower case, upper case and with its words capitalised: a username's skeleton keeps a
     * capital "I" apart from "i" (it reads as "l"), so "ALICE" must also be checked as "alice", and "ilias" as "Ilias".
     */
    private static Stream<String> casings(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        StringBuilder title = new StringBuilder(lower.length());
        boolean wordStart = true;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            title.append(wordStart ? Character.toUpperCase(c) : c);
            wordStart = !Character.isLetterOrDigit(c);
        }
        return Stream.of(name, lower, name.toUpperCase(Locale.ROOT), title.toString());
    }

    private static boolean speaksForTheForum(String name) {
        String skeleton = UsernameRules.skeleton(name);
        for (String word : WORDS.split(skeleton)) {
            if (STAFF_WORDS.contains(word) || STAFF_STEMS.stream().anyMatch(word::startsWith)) {
                return true;
            }
        }
        String squashed = key(name);
        return STAFF_WORDS.contains(squashed) || STAFF_STEMS.stream().anyMatch(squashed::startsWith);
    }

    private static boolean invisible(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.PRIVATE_USE || type == Character.UNASSIGNED
                || type == Character.SURROGATE
                || (Character.isWhitespace(codePoint) && codePoint != ' ') || Character.isSpaceChar(codePoint) && codePoint != ' '
                || UCharacter.hasBinaryProperty(codePoint, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
                || UCharacter.hasBinaryProperty(codePoint, UProperty.BIDI_CONTROL)
                || UCharacter.hasBinaryProperty(codePoint, UProperty.JOIN_CONTROL)
                || BLANK.contains(codePoint);
    }

    private static Set<String> skeletons(List<String> words) {
        return words.stream().map(UsernameRules::skeleton).collect(Collectors.toUnmodifiableSet());
    }

    private static ProblemException refused(String message) {
        return ProblemException.unprocessable("invalid-display-name", "Invalid display name", "displayName " + message + ".");
    }
}
