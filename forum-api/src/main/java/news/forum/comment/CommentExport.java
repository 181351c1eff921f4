package news.forum.comment;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.util.List;

/** The owner's comments and votes for their data export, a page at a time (keyset on ids, no transaction held open). */
@Singleton
public class CommentExport {

    private final CommentRepository comments;

    CommentExport(CommentRepository comments) {
        this.comments = comments;
    }

    /** Oldest first, after the comment with this row id (0: from the start). */
    @ReadOnly
    public List<ExportedComment> comments(long authorId, long afterRowId, int limit) {
        return comments.byAuthor(authorId, afterRowId, limit);
    }

    /** By comment, after the comment with this row id (0: from the start). */
    @ReadOnly
    public List<ExportedVote> votes(long accountId, long afterCommentRowId, int limit) {
        return comments.votesBy(accountId, afterCommentRowId, limit);
    }
}
