package news.forum.account;

import io.micronaut.core.annotation.Nullable;
import news.forum.text.TextRules;
import news.forum.web.ProblemException;

/** The name shown with an account's comments: one line of at most 64 characters; empty means the username. */
final class DisplayNames {

    static final int MAXIMUM_LENGTH = 64;

    private DisplayNames() {
    }

    /** The display name to store, or a 400 naming the field. */
    static String clean(@Nullable String requested, String username) {
        if (requested == null || requested.isBlank()) {
            return username;
        }
        String shown = TextRules.cleanLine("displayName", requested);
        if (TextRules.length(shown) > MAXIMUM_LENGTH) {
            throw ProblemException.invalidField("displayName", "must be at most 64 characters long");
        }
        return shown.isEmpty() ? username : shown;
    }
}
