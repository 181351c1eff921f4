package news.forum.comment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A comment as clients see it. A deleted comment that still holds replies shows no author and no body. */
@Serdeable
public record CommentView(String id,
                          String threadId,
                          @Nullable String parentId,
                          int depth,
                          @Nullable Author author,
                          @Nullable String bodyHtml,
                          Instant createdAt,
                          @Nullable Instant editedAt,
                          boolean deleted,
                          int replyCount,
                          int score) {

    @Serdeable
    public record Author(String username, String displayName) {
    }
}
