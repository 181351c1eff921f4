package news.forum.text;

import news.forum.web.ProblemException;

import java.util.regex.Pattern;

/**
 * What untrusted text may contain. NUL, other control characters and unpaired surrogates are refused;
 * bidirectional overrides and isolates (which can make text read differently from what it is) are removed.
 */
public final class TextRules {

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
