package news.forum.comment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * A comment as one viewer sees it.
 * <ul>
 * <li>{@code status}: published; pending (held until a moderator approves it; only its author and moderators see
 *     it; for them also a published comment whose edit waits for review, while others see the text before it); hidden (enough flags hid it until a moderator reviews it); removed (by a moderator, with {@code removal});
 *     deleted (by its author: a tombstone that keeps its replies in place).</li>
 * <li>{@code deleted}: this viewer gets no author and no body: a tombstone, or, for anyone but its author and the
 *     moderators, a removed or hidden comment shown as a placeholder.</li>
 * <li>{@code removal}: why a moderator removed it (shown to everyone; reason may be null).</li>
 * <li>{@code review}: for moderators only: why it was held, its open flags, and, while an edit waits for review
 *     (status pending, bodyHtml the edit), the text readers see meanwhile.</li>
 * </ul>
 */
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
                          int score,
                          @Schema(allowableValues = {PUBLISHED, PENDING, HIDDEN, REMOVED, DELETED}, requiredMode = Schema.RequiredMode.REQUIRED)
                          String status,
                          @Nullable Removal removal,
                          @Nullable Review review) {

    public static final String PUBLISHED = "published";
    public static final String PENDING = "pending";
    public static final String HIDDEN = "hidden";
    public static final String REMOVED = "removed";
    public static final String DELETED = "deleted";

    /** Who wrote it: readers are shown the username beside the display name, and the role (USER, MODERATOR, ADMIN) as a badge. */
    @Serdeable
    public record Author(String username, String displayName, String role) {
    }

    @Serdeable
    public record Removal(@Nullable String reason, Instant removedAt) {
    }

    /**
     * What a moderator reviews. publishedBodyHtml is the text readers see while an edit waits for review (the
     * comment's bodyHtml is then the edit); null, like holdReason, when there is nothing of the kind, so every
     * review has the same members.
     */
    @Serdeable
    public record Review(@Nullable String holdReason, int flagCount, @Nullable String publishedBodyHtml) {
    }

    /** Held for review: the author is told with a 202 instead of a 201. */
    public boolean pending() {
        return PENDING.equals(status);
    }
}
