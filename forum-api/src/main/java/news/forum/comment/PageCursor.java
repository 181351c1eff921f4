package news.forum.comment;

import news.forum.web.ProblemException;
import news.forum.web.PublicIds;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.OptionalLong;

import static news.forum.web.PublicIds.Kind.COMMENT;

/**
 * Where a page ended: the last comment's root and path (and, for the top sort, its root's score when read).
 * Opaque to clients: base64url of {@code sort|score|root|path}, where the root and every comment on the path
 * (the path's 12-hex-digit keys are row ids) are written as public ids, so a cursor reveals no more than the
 * comments the page showed.
 */
record PageCursor(CommentSort sort, int rootScore, long rootId, String path) {

    private static final int KEY_LENGTH = 12;
    private static final int MAX_KEYS = 63;

    String encode(PublicIds ids) {
        StringBuilder raw = new StringBuilder().append(sort.code).append('|').append(rootScore).append('|')
                .append(ids.format(COMMENT, rootId)).append('|');
        for (int i = 0; i < path.length(); i += KEY_LENGTH) {
            if (i > 0) {
                raw.append('.');
            }
            raw.append(ids.format(COMMENT, Long.parseLong(path, i, i + KEY_LENGTH, 16)));
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.toString().getBytes(StandardCharsets.US_ASCII));
    }

    static PageCursor decode(String cursor, CommentSort expected, PublicIds ids) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            String[] parts = raw.split("\\|", -1);
            if (parts.length == 4 && parts[0].length() == 1 && parts[0].charAt(0) == expected.code) {
                OptionalLong rootId = ids.tryParse(COMMENT, parts[2]);
                String path = path(parts[3], ids);
                if (rootId.isPresent() && path != null) {
                    return new PageCursor(expected, Integer.parseInt(parts[1]), rootId.getAsLong(), path);
                }
            }
        } catch (IllegalArgumentException e) {
            // reported below; NumberFormatException is an IllegalArgumentException
        }
        throw ProblemException.badRequest("invalid-cursor", "Invalid cursor",
                "The cursor is not one this thread's listing gave out for this sort; start again without it.");
    }

    /** The stored path behind a cursor's list of public ids; null when any of them is no id. */
    private static String path(String publicIds, PublicIds ids) {
        if (publicIds.isEmpty()) {
            return "";
        }
        String[] keys = publicIds.split("\\.", -1);
        if (keys.length > MAX_KEYS) {
            return null;
        }
        StringBuilder path = new StringBuilder(keys.length * KEY_LENGTH);
        for (String key : keys) {
            OptionalLong id = ids.tryParse(COMMENT, key);
            if (id.isEmpty()) {
                return null;
            }
            String hex = Long.toHexString(id.getAsLong());
            path.append("0".repeat(KEY_LENGTH - hex.length())).append(hex);
        }
        return path.toString();
    }
}
