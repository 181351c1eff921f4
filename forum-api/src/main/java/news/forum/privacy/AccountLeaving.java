package news.forum.privacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import news.forum.account.AccountDeletion;
import news.forum.account.AccountService;
import news.forum.account.Caller;
import news.forum.comment.CommentErasure;
import news.forum.moderation.ModerationErasure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;

/**
 * An owner deletes their account, for good. First, in one durable transaction, the account is emptied and every
 * session ends (from then on no token of it is honoured, and its name stays reserved); the deletion is audited.
 * Then each owning package takes its part apart in short steps: votes withdrawn and open flags removed (their counts
 * moved in SQL), what the posting rules remember forgotten, and every comment made a tombstone without text or
 * author, so replies keep their place (a moderator's removal record stays, without the text). A restart in between
 * is resumed by {@link ErasureSweeper}.
 */
@Singleton
class AccountLeaving {

    private static final Logger LOG = LoggerFactory.getLogger(AccountLeaving.class);

    private final AccountService accounts;
    private final AccountDeletion deletion;
    private final CommentErasure comments;
    private final ModerationErasure moderation;

    AccountLeaving(AccountService accounts, AccountDeletion deletion, CommentErasure comments,
                   ModerationErasure moderation) {
        this.accounts = accounts;
        this.deletion = deletion;
        this.comments = comments;
        this.moderation = moderation;
    }

    /** A local account confirms with its password; one the publisher signs in, by its token. */
    void leave(Authentication authentication, @Nullable String password, InetAddress client) {
        Caller caller = accounts.confirmDeletion(authentication, password, client);
        deletion.begin(caller.id());
        finish(caller.id());
    }

    /** The rest of a deletion begun; repeatable. */
    void finish(long accountId) {
        int votes = comments.withdrawVotes(accountId);
        int flags = moderation.removeOpenFlags(accountId);
        moderation.forgetActivity(accountId);
        comments.forgetIdempotencyKeys(accountId);
        int tombstones = comments.tombstoneAll(accountId);
        deletion.done(accountId);
        LOG.info("Deleted account {}: {} comments made tombstones, {} votes and {} open flags removed",
                accountId, tombstones, votes, flags);
    }
}
