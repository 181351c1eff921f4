package news.forum.comment;

import io.micronaut.serde.annotation.Serdeable;

/** A comment's Markdown as its author wrote it, for editing. */
@Serdeable
public record CommentSource(String id, String body) {
}
