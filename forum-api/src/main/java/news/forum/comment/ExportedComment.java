package news.forum.comment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One of the owner's comments as their data export gives it: the text as written (Markdown; none once deleted), its
 * state (see {@link CommentView}), a moderator's removal with its reason, and where it stands in its thread.
 */
@Serdeable
public record ExportedComment(@JsonIgnore long rowId, @JsonIgnore long threadRowId, @Nullable String parentId,
                              String id, @Nullable String body, String status, Instant createdAt,
                              @Nullable Instant editedAt, @Nullable Instant deletedAt,
                              @Nullable CommentView.Removal removal, int score, int replyCount) {
}
