package news.forum.moderation;

import com.ibm.icu.text.Normalizer2;

/**
 * Text as the comment rules compare it: Unicode NFKC with case folding (fullwidth and other compatibility forms
 * become their plain letters, "ß" becomes "ss", invisible default-ignorable characters such as soft hyphens and
 * zero-width joiners disappear), then without accents (decomposed, nonspacing marks dropped, and the few Latin
 * letters with a stroke mapped to their base letter), with every run of white space made one space.
 */
public final class TextFolding {

    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

    private TextFolding() {
    }

    public static String fold(String text) {
        String decomposed = NFD.normalize(NFKC_CASEFOLD.normalize(text));
        StringBuilder folded = new StringBuilder(decomposed.length());
        boolean space = false;
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
                continue;
            }
            if (space && !folded.isEmpty()) {
                folded.append(' ');
            }
            space = false;
            folded.appendCodePoint(withoutStroke(c));
        }
        return folded.toString();
    }

    /** Letters, digits and the marks that are part of letters: what a word is made of. */
    static boolean isWordCharacter(int c) {
        int type = Character.getType(c);
        return Character.isLetterOrDigit(c) || type == Character.COMBINING_SPACING_MARK
                || type == Character.NON_SPACING_MARK || type == Character.LETTER_NUMBER;
    }

    /**
     * Scripts written without spaces between words (Chinese, Japanese, Thai, ...): a rule in them matches inside a
     * run of text, since there is no word boundary to find.
     */
    static boolean isUnspaced(int c) {
        if (Character.isIdeographic(c)) {
            return true;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.THAI || script == Character.UnicodeScript.LAO
                || script == Character.UnicodeScript.KHMER || script == Character.UnicodeScript.MYANMAR;
    }

    /** Letters that carry their accent as a stroke, which no decomposition removes. */
    private static int withoutStroke(int c) {
        return switch (c) {
            case 'ø' -> 'o';
            case 'ł' -> 'l';
            case 'đ' -> 'd';
            case 'ħ' -> 'h';
            case 'ŧ' -> 't';
            case 'ƀ' -> 'b';
            case 'ƶ' -> 'z';
            case 'ı' -> 'i';
            default -> c;
        };
    }
}
