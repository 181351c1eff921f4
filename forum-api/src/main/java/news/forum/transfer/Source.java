package news.forum.transfer;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** What an export of another comment system holds, as its reader hands it on, one record at a time. */
final class Source {

    private Source() {
    }

    /** A discussion in the source: one article and its thread here. */
    record Thread(String sourceId, @Nullable String identifier, @Nullable String link, @Nullable String title,
                  boolean closed, boolean deleted, @Nullable Instant createdAt) {
    }

    /** A comment's state in the source. */
    enum State {
        PUBLISHED, PENDING, SPAM, DELETED, PINGBACK
    }

    /**
     * Who wrote a comment. {@code identity} is null for a guest (anonymous in Disqus, no e-mail in WordPress), who
     * gets no account: the comment keeps the name.
     */
    record Author(@Nullable String identity, String preferredName, String displayName, @Nullable String email) {
    }

    record Post(String sourceId, String threadSourceId, @Nullable String parentSourceId, String text, Instant createdAt,
                State state, Author author) {
    }

    /** Receives the records in file order. */
    interface Sink {
        void thread(Thread thread);

        void post(Post post);
    }
}
