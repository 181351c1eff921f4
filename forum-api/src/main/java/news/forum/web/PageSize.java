package news.forum.web;

import io.micronaut.core.annotation.Nullable;

/** The {@code limit} query parameter of a paged listing: 1 to a maximum, a default when absent. */
public final class PageSize {

    private PageSize() {
    }

    /** ASCII digits only: Integer.parseInt would also take "+1" and digits of other scripts. 400 otherwise. */
    public static int parse(@Nullable String limit, int defaultSize, int max) {
        if (limit == null || limit.isEmpty()) {
            return defaultSize;
        }
        if (limit.length() > 3 || !limit.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(limit) < 1 || Integer.parseInt(limit) > max) {
            throw ProblemException.invalidField("limit", "must be a whole number between 1 and " + max);
        }
        return Integer.parseInt(limit);
    }
}
