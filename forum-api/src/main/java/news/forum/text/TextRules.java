package news.forum.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import news.forum.web.ProblemException;

import java.util.regex.Pattern;

/**
 * What untrusted text may contain. NUL, other control characters and unpaired surrogates are refused;
 * bidirectional overrides and isolates (which can make text read differently from what it is) are removed.
 */
public final class TextRules {

    /** A comment's longest body, in characters (code points). */
    public static final int MAX_COMMENT_LENGTH = 10_000;

    private static final Pattern BIDI_CONTROLS = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069]");

    private TextRules() {
    }

    /** The text with bidi controls removed, or a 422 naming the field when it holds forbidden characters. */
    public static String clean(String field, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw invalid(field, "an unpaired surrogate");
            }
            if (Character.isLowSurrogate(c)) {
                throw invalid(field, "an unpaired surrogate");
            }
            if (c == 0) {
                throw invalid(field, "a NUL character");
            }
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F) {
                throw invalid(field, "a control character");
            }
        }
        return BIDI_CONTROLS.matcher(text).replaceAll("");
    }

    /**
     * A comment's body as posting takes it, and as the preview shows it: {@link #clean}ed, neither empty nor only
     * characters that show nothing (spaces, zero-width and other default-ignorable ones, fillers such as U+3164 and
     * the blank braille pattern U+2800), at most {@link #MAX_COMMENT_LENGTH} characters; otherwise a 400.
     */
    public static String commentBody(String body) {
        String cleaned = clean("body", body);
        if (showsNothing(cleaned)) {
            throw ProblemException.invalidField("body", "must not be empty or only invisible characters");
        }
        if (length(cleaned) > MAX_COMMENT_LENGTH) {
            throw ProblemException.invalidField("body", "must be at most " + MAX_COMMENT_LENGTH + " characters long");
        }
        return cleaned;
    }

    /** Whether every character of the text is a space or one that shows nothing. */
    public static boolean showsNothing(String text) {
        return text.codePoints().allMatch(c -> UCharacter.isUWhiteSpace(c) || Character.isSpaceChar(c)
                || UCharacter.hasBinaryProperty(c, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
                || Character.getType(c) == Character.FORMAT || c == 0x2800 || c == 0x3164 || c == 0xFFA0
                || c == 0x115F || c == 0x1160);
    }

    /** Single-line text (names, titles, reasons): no line breaks or tabs either. */
    public static String cleanLine(String field, String text) {
        String cleaned = clean(field, text);
        if (cleaned.indexOf('\n') >= 0 || cleaned.indexOf('\r') >= 0 || cleaned.indexOf('\t') >= 0) {
            throw invalid(field, "a line break or tab");
        }
        return cleaned.strip();
    }

    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static ProblemException invalid(String field, String what) {
        return ProblemException.invalidField(field, "must not contain " + what);
    }
}
