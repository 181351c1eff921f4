package news.forum.live;

/** What happened in a thread, as named on the event stream ({@code event:} of Server-Sent Events). */
public enum ThreadEventType {
    COMMENT_CREATED("comment.created"),
    COMMENT_UPDATED("comment.updated"),
    COMMENT_DELETED("comment.deleted"),
    /** A moderator's removal: published like a deletion, its text never on the stream. */
    COMMENT_REMOVED("comment.removed"),
    THREAD_LOCKED("thread.locked"),
    THREAD_UNLOCKED("thread.unlocked");

    private final String wireName;

    ThreadEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    static ThreadEventType ofWireName(String name) {
        for (ThreadEventType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown thread event type " + name);
    }

    boolean hidesText() {
        return this == COMMENT_DELETED || this == COMMENT_REMOVED;
    }

    boolean aboutThread() {
        return this == THREAD_LOCKED || this == THREAD_UNLOCKED;
    }
}
