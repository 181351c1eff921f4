package news.forum.account;

import io.micronaut.core.annotation.Nullable;
import news.forum.web.ProblemException;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The usernames a reader signed in by the publisher may get, best first: the wished-for {@code username} of the
 * token made to follow the username rules (or else one made from the display name, or else "reader"), then the
 * same with 2, 3, ... and finally with random digits, for when the name or a look-alike of it is taken.
 */
final class SsoUsernames {

    static final String FALLBACK = "reader";
    private static final int NUMBERED = 20;

    private SsoUsernames() {
    }

    static List<String> candidates(@Nullable String wished, @Nullable String displayName) {
        String base = usable(wished);
        if (base == null) {
            base = usable(displayName);
        }
        if (base == null) {
            base = FALLBACK;
        }
        List<String> names = new ArrayList<>();
        names.add(base);
        for (int n = 2; n <= NUMBERED; n++) {
            names.add(withSuffix(base, Integer.toString(n)));
        }
        for (int i = 0; i < 5; i++) {
            names.add(withSuffix(base, Integer.toString(100_000 + ThreadLocalRandom.current().nextInt(900_000))));
        }
        return names;
    }

    /** The text as a valid username (letters, digits, '_', '.', '-'; spaces become '_'), or null when none is left. */
    static @Nullable String usable(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String nfkc = Normalizer.normalize(text.strip(), Normalizer.Form.NFKC);
        StringBuilder kept = new StringBuilder();
        nfkc.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                    || Character.getType(c) == Character.COMBINING_SPACING_MARK || c == '_' || c == '.' || c == '-') {
                kept.appendCodePoint(c);
            } else if (Character.isWhitespace(c) && kept.length() > 0 && kept.charAt(kept.length() - 1) != '_') {
                kept.append('_');
            }
        });
        String name = kept.toString().replaceFirst("^[^\\p{L}\\p{Nd}]+", "").replaceFirst("[_.-]+$", "");
        name = truncate(name, 32);
        if (name.codePointCount(0, name.length()) < 3) {
            return null;
        }
        try {
            return UsernameRules.normalize(name);
        } catch (ProblemException e) {
            // mixed scripts, invisible marks, digits of two systems: nothing here can be trusted to read right
            return null;
        }
    }

    private static String withSuffix(String base, String suffix) {
        return truncate(base, 32 - suffix.length()) + suffix;
    }

    /** At most this many code points, never splitting a letter from its marks. */
    private static String truncate(String name, int codePoints) {
        if (name.codePointCount(0, name.length()) <= codePoints) {
            return name;
        }
        int end = name.offsetByCodePoints(0, codePoints);
        while (end > 0 && Character.getType(name.codePointAt(end)) == Character.NON_SPACING_MARK) {
            end = name.offsetByCodePoints(end, -1);
        }
        return name.substring(0, end);
    }
}
