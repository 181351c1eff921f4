package news.forum.moderation;

import news.forum.web.ClientTimes;
import news.forum.web.ProblemException;
import news.forum.web.PublicIds;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.OptionalLong;

/**
 * Where a moderation page ended, opaque to clients: base64url of {@code kind|seconds|nanos|id}, the time being what
 * the page is ordered by (none for pages ordered by id alone) and the id a public one.
 */
record Cursor(char kind, Instant at, long id) {

    /** The log's pages ('l') end at a log entry, the queues' at a comment. */
    private static PublicIds.Kind idKind(char kind) {
        return kind == 'l' ? PublicIds.Kind.LOG_ENTRY : PublicIds.Kind.COMMENT;
    }

    String encode(PublicIds ids) {
        String raw = kind + "|" + (at == null ? "" : at.getEpochSecond() + "|" + at.getNano()) + "|" + ids.format(idKind(kind), id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /** A 400 for anything but a cursor of this kind that this server gave out. */
    static Cursor decode(String cursor, char expectedKind, boolean timed, PublicIds ids) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split("\\|", -1);
            if (parts.length == (timed ? 4 : 3) && parts[0].equals(String.valueOf(expectedKind))) {
                OptionalLong id = ids.tryParse(idKind(expectedKind), parts[parts.length - 1]);
                Instant at = timed ? Instant.ofEpochSecond(Long.parseLong(parts[1]), Integer.parseInt(parts[2])) : null;
                if (id.isPresent() && (timed ? ClientTimes.inRange(at) : parts[1].isEmpty())) {
                    return new Cursor(expectedKind, at, id.getAsLong());
                }
            }
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            // reported below; NumberFormatException is an IllegalArgumentException
        }
        throw ProblemException.badRequest("invalid-cursor", "Invalid cursor",
                "The cursor is not one this listing gave out; start again without it.");
    }
}
