package news.forum.web;

import java.time.Instant;

/**
 * The range of times the forum accepts from a client: what PostgreSQL's timestamptz stores (it ends in the year
 * 294276, an Instant in the year 1000000000) with room to spare, so a time sent by a client is refused with a 4xx
 * instead of failing in the database with a 500.
 */
public final class ClientTimes {

    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private ClientTimes() {
    }

    public static boolean inRange(Instant time) {
        return !time.isBefore(EARLIEST) && !time.isAfter(LATEST);
    }
}
