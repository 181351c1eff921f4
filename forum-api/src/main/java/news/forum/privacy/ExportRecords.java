package news.forum.privacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import news.forum.comment.CommentView;

import java.time.Instant;

/** The parts of an account's data export (GET /me/export), as they are written, in this order. */
final class ExportRecords {

    private ExportRecords() {
    }

    /** What the file is. */
    @Serdeable
    record About(String format, Instant exportedAt, String note) {
    }

    @Serdeable
    record Account(String id, String username, String displayName, String role, Instant createdAt, String signIn,
                   @Nullable Publisher publisher, @Nullable String email, @Nullable Ban ban) {
    }

    /** The identity a publisher signed this account in with. */
    @Serdeable
    record Publisher(String issuer, String subject) {
    }

    /** The ban stored on the account (active or not), with what moderators recorded about it. */
    @Serdeable
    record Ban(String reason, @Nullable Instant bannedAt, @Nullable Instant until, boolean active) {
    }

    @Serdeable
    record Thread(String id, String articleKey, String title) {
    }

    @Serdeable
    record Comment(String id, Thread thread, @Nullable String parentId, String status, @Nullable String body,
                   Instant createdAt, @Nullable Instant editedAt, @Nullable Instant deletedAt,
                   @Nullable CommentView.Removal removal, int score, int replyCount) {
    }

    @Serdeable
    record Vote(String commentId, String threadId, int value) {
    }

    /** A moderator's action on the account (a ban, its lifting, a removal of its comments, a change of role). */
    @Serdeable
    record ModerationEvent(String action, @Nullable String reason, Instant at) {
    }
}
