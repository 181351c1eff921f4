package news.forum.web;

/** Ids are opaque strings to clients and bigints inside; a string that is no id names nothing. */
public final class Ids {

    private Ids() {
    }

    public static long parse(String id, String what) {
        if (id == null || id.isEmpty() || id.length() > 19) {
            throw ProblemException.notFound(what);
        }
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                throw ProblemException.notFound(what);
            }
        }
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound(what);
        }
    }
}
