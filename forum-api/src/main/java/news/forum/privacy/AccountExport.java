package news.forum.privacy;

import io.micronaut.json.JsonMapper;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import news.forum.account.AccountDeletion;
import news.forum.account.AccountRecord;
import news.forum.account.Callers;
import news.forum.audit.AuditLog;
import news.forum.comment.CommentExport;
import news.forum.comment.ExportedComment;
import news.forum.comment.ExportedVote;
import news.forum.moderation.ModerationErasure;
import news.forum.thread.ThreadRepository;
import news.forum.web.ProblemException;
import news.forum.web.PublicIds;

import java.io.InputStream;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the forum holds about the caller, as one JSON document written while it is read: the account, every
 * comment with its thread and state, the votes, the flags raised, and what moderators did to the account (bans).
 * Each section is read a page at a time (keyset on ids, one short read-only transaction per page, no connection held
 * while the client reads), so a history of any size streams in bounded memory.
 */
@Singleton
class AccountExport {

    static final String FORMAT = "forum-account-export/1";
    static final int PAGE = 200;

    private final Callers callers;
    private final AccountDeletion accounts;
    private final CommentExport comments;
    private final ModerationErasure moderation;
    private final AuditLog audit;
    private final ThreadRepository threads;
    private final PublicIds ids;
    private final JsonMapper json;

    AccountExport(Callers callers, AccountDeletion accounts, CommentExport comments, ModerationErasure moderation,
                  AuditLog audit, ThreadRepository threads, PublicIds ids, JsonMapper json) {
        this.callers = callers;
        this.accounts = accounts;
        this.comments = comments;
        this.moderation = moderation;
        this.audit = audit;
        this.threads = threads;
        this.ids = ids;
        this.json = json;
    }

    /** The export of the signed-in account (banned or not), to be read once. */
    InputStream open(Authentication authentication) {
        AccountRecord record = ownRecord(authentication);
        long id = record.id();
        Map<Long, ExportRecords.Thread> threadCache = new HashMap<>();
        return new JsonSections(json, List.of(
                JsonSections.value("about", new ExportRecords.About(FORMAT, Instant.now(),
                        "Everything this forum holds about your account. Ids are the ones the forum's API uses.")),
                JsonSections.value("account", account(record)),
                JsonSections.paged("comments", after -> withThreads(comments.comments(id, after, PAGE), threadCache),
                        PagedComment::rowId, PagedComment::comment),
                JsonSections.paged("votes", after -> comments.votes(id, after, PAGE),
                        ExportedVote::commentRowId,
                        v -> new ExportRecords.Vote(v.commentId(), ids.format(PublicIds.Kind.THREAD, v.threadRowId()), v.value())),
                JsonSections.paged("flagsRaised", after -> moderation.flagsRaised(id, after, PAGE),
                        ModerationErasure.RaisedFlag::rowId, f -> f),
                JsonSections.lazy("moderation", () -> moderationEvents(id))));
    }

    @ReadOnly
    protected AccountRecord ownRecord(Authentication authentication) {
        long id = callers.requireSignedIn(authentication).id();
        return accounts.record(id).orElseThrow(() ->
                ProblemException.unauthorized("Sign in again: this token does not belong to an existing account."));
    }

    private ExportRecords.Account account(AccountRecord r) {
        ExportRecords.Ban ban = r.banReason() == null ? null : new ExportRecords.Ban(r.banReason(), r.bannedAt(),
                r.bannedUntil(), r.bannedUntil() == null || r.bannedUntil().isAfter(Instant.now()));
        return new ExportRecords.Account(ids.format(PublicIds.Kind.ACCOUNT, r.id()), r.username(), r.displayName(), r.role().name(),
                r.createdAt(), r.signIn().label(),
                r.ssoIssuer() == null ? null : new ExportRecords.Publisher(r.ssoIssuer(), r.ssoSubject()), r.email(), ban);
    }

    /** A page of comments, each with its thread (threads read once per export, at most this many kept). */
    private List<PagedComment> withThreads(List<ExportedComment> page, Map<Long, ExportRecords.Thread> cache) {
        if (cache.size() > 10_000) {
            cache.clear();
        }
        List<Long> missing = page.stream().map(ExportedComment::threadRowId).distinct()
                .filter(t -> !cache.containsKey(t)).toList();
        cache.putAll(threadsOf(missing));
        return page.stream().map(c -> new PagedComment(c.rowId(), new ExportRecords.Comment(c.id(),
                cache.get(c.threadRowId()), c.parentId(), c.status(), c.body(), c.createdAt(), c.editedAt(),
                c.deletedAt(), c.removal(), c.score(), c.replyCount()))).toList();
    }

    /** A comment with the key its page is read by. */
    record PagedComment(long rowId, ExportRecords.Comment comment) {
    }

    @ReadOnly
    protected Map<Long, ExportRecords.Thread> threadsOf(Collection<Long> threadIds) {
        Map<Long, ExportRecords.Thread> found = new HashMap<>();
        for (long threadId : threadIds) {
            threads.findView(threadId).ifPresent(view ->
                    found.put(threadId, new ExportRecords.Thread(view.id(), view.articleKey(), view.title())));
        }
        return found;
    }

    @ReadOnly
    protected List<ExportRecords.ModerationEvent> moderationEvents(long accountId) {
        return audit.about("account", accountId).stream()
                .filter(e -> e.action().startsWith("account.ban") || e.action().startsWith("account.unban")
                        || e.action().startsWith("account.remove-comments") || e.action().startsWith("account.role."))
                .map(e -> new ExportRecords.ModerationEvent(e.action(), e.reason(), e.createdAt()))
                .toList();
    }
}
