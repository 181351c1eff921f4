package news.forum.startup;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The shape of the demo thread file: an article, its comment tree, and whether the thread is closed. */
@Serdeable
record SeedThread(Article article, boolean locked, @Nullable String lockNotice, List<Comment> comments) {

    @Serdeable
    record Article(String key, String title, List<String> paragraphs) {
    }

    @Serdeable
    record Comment(String ref, @Nullable String note, String body, @Nullable List<Comment> replies) {
        List<Comment> children() {
            return replies == null ? List.of() : replies;
        }
    }
}
