package news.forum.comment;

import news.forum.web.ProblemException;

import java.util.Locale;

/** The order of top-level comments; replies always follow their parent, oldest first. */
enum CommentSort {
    OLDEST('o'),
    NEWEST('n'),
    TOP('t');

    final char code;

    CommentSort(char code) {
        this.code = code;
    }

    static CommentSort parse(String value) {
        if (value == null || value.isEmpty()) {
            return OLDEST;
        }
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("sort", "must be oldest, newest or top");
        }
    }
}
