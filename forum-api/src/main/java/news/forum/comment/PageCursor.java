package news.forum.comment;

import news.forum.web.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Where a page ended: the last comment's root and path (and, for the top sort, its root's score when read).
 * Opaque to clients: base64url of {@code sort|score|root|path}.
 */
record PageCursor(CommentSort sort, int rootScore, long rootId, String path) {

    private static final Pattern PATH = Pattern.compile("([0-9a-f]{12}){0,63}");

    String encode() {
        String raw = sort.code + "|" + rootScore + "|" + rootId + "|" + path;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    static PageCursor decode(String cursor, CommentSort expected) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            String[] parts = raw.split("\\|", -1);
            if (parts.length == 4 && parts[0].length() == 1 && parts[0].charAt(0) == expected.code
                    && PATH.matcher(parts[3]).matches()) {
                long rootId = Long.parseLong(parts[2]);
                if (rootId > 0) {
                    return new PageCursor(expected, Integer.parseInt(parts[1]), rootId, parts[3]);
                }
            }
        } catch (IllegalArgumentException e) {
            // reported below; NumberFormatException is an IllegalArgumentException
        }
        throw ProblemException.badRequest("invalid-cursor", "Invalid cursor",
                "The cursor is not one this thread's listing gave out for this sort; start again without it.");
    }
}
