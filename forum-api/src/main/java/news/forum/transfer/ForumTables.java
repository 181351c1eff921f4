package news.forum.transfer;

import news.forum.account.AccountTransfer;
import news.forum.article.ArticleTransfer;
import news.forum.audit.AuditTransfer;
import news.forum.comment.CommentTransfer;
import news.forum.database.BulkTable;
import news.forum.moderation.ModerationTransfer;
import news.forum.thread.ThreadTransfer;

import java.util.ArrayList;
import java.util.List;

/**
 * The record kinds of a whole-site export, in the order they are written and read back: every row refers only to rows
 * before it (a ban names its moderator, so bans come after all accounts; a reply comes after its parent, as ids grow).
 */
final class ForumTables {

    /** The export format's version: an import refuses a newer one. */
    static final int VERSION = 1;
    static final String FORMAT = "forum-export";

    static final List<BulkTable> ALL;

    static {
        List<BulkTable> all = new ArrayList<>();
        all.addAll(AccountTransfer.TABLES);
        all.addAll(ArticleTransfer.TABLES);
        all.addAll(ThreadTransfer.TABLES);
        all.addAll(CommentTransfer.TABLES);
        all.addAll(ModerationTransfer.TABLES);
        all.addAll(AuditTransfer.TABLES);
        ALL = List.copyOf(all);
    }

    private ForumTables() {
    }
}
