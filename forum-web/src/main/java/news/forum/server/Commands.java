package news.forum.server;

/** What the maintenance commands share: how a failure is told to the operator. */
final class Commands {

    private Commands() {
    }

    /** The failure's message and its causes', without a stack trace: the operator needs the reason, not the frames. */
    static String reason(Throwable failure) {
        StringBuilder reason = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            if (reason.indexOf(message) < 0) {
                reason.append(reason.length() == 0 ? "" : ": ").append(message);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return reason.toString();
    }
}
