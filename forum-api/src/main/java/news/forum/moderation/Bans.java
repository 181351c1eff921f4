package news.forum.moderation;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import news.forum.account.Caller;
import news.forum.account.Callers;
import news.forum.account.Role;
import news.forum.account.UsernameRules;
import news.forum.audit.AuditLog;
import news.forum.comment.CommentModeration;
import news.forum.database.Sql;
import news.forum.text.TextRules;
import news.forum.web.ClientTimes;
import news.forum.web.ProblemException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Bans live on the account row, which {@link Callers} reads on every request: that is what makes a ban hold at once
 * against tokens issued before it. A ban whose end has passed no longer applies.
 */
@Singleton
class Bans {

    /** The account to ban, locked, with its ban as stored (an expired one included). */
    private record Target(long id, String username, Role role, String reason, Instant until, boolean active) {
    }

    private final Sql sql;
    private final Callers callers;
    private final CommentModeration comments;
    private final AuditLog audit;

    Bans(Sql sql, Callers callers, CommentModeration comments, AuditLog audit) {
        this.sql = sql;
        this.callers = callers;
        this.comments = comments;
        this.audit = audit;
    }

    @Transactional
    public BanView ban(Authentication authentication, String username, BanRequest request) {
        Caller moderator = callers.requireModerator(authentication);
        String reason = TextRules.cleanLine("reason", request.reason());
        if (reason.isEmpty()) {
            throw ProblemException.invalidField("reason", "must not be blank");
        }
        // PostgreSQL keeps microseconds
        Instant until = request.until() == null ? null : request.until().truncatedTo(ChronoUnit.MICROS);
        if (until != null && until.isAfter(ClientTimes.LATEST)) {
            throw ProblemException.unprocessable("ban-end-out-of-range", "Ban end out of range",
                    "The ban's end (until) must be at most " + ClientTimes.LATEST + "; leave it out for a ban until lifted.");
        }
        if (until != null && !until.isAfter(Instant.now())) {
            throw ProblemException.unprocessable("ban-end-passed", "Ban would have ended",
                    "The ban's end (until) must lie in the future.");
        }
        Target target = lockTarget(username, moderator);
        boolean changed = !target.active() || !reason.equals(target.reason()) || !Objects.equals(until, target.until());
        if (changed) {
            sql.update("UPDATE account SET banned_at = now(), banned_by = ?, ban_reason = ?, banned_until = ? WHERE id = ?",
                    moderator.id(), reason, until, target.id());
            audit.record(moderator.id(), "account.ban", "account", target.id(), reason);
        }
        // sessions end: a banned account has to sign in again (and may, to read)
        sql.update("UPDATE refresh_token SET revoked_at = now() WHERE account_id = ? AND revoked_at IS NULL", target.id());
        int removed = 0;
        if (Boolean.TRUE.equals(request.removeComments())) {
            removed = comments.removeAllBy(target.id(), moderator.id(), reason);
            if (removed > 0) {
                audit.record(moderator.id(), "account.remove-comments", "account", target.id(), reason);
            }
        }
        return view(target.id(), removed);
    }

    @Transactional
    public BanView lift(Authentication authentication, String username) {
        Caller moderator = callers.requireModerator(authentication);
        Target target = lockTarget(username, moderator);
        if (target.reason() != null) {
            sql.update("UPDATE account SET banned_at = NULL, banned_by = NULL, ban_reason = NULL, banned_until = NULL"
                    + " WHERE id = ?", target.id());
            if (target.active()) {
                audit.record(moderator.id(), "account.unban", "account", target.id(), null);
            }
        }
        return view(target.id(), 0);
    }

    /** 404 unknown; 403 for an ADMIN, and for a MODERATOR unless an ADMIN asks (moderators do not ban each other). */
    private Target lockTarget(String username, Caller moderator) {
        Target target = sql.one("""
                        SELECT id, username, role, ban_reason, banned_until,
                               ban_reason IS NOT NULL AND (banned_until IS NULL OR banned_until > now()) AS active
                        FROM account WHERE username_key = ? FOR UPDATE""",
                row -> new Target(row.getLong("id"), row.getString("username"), Role.valueOf(row.getString("role")),
                        row.getString("ban_reason"), Sql.instant(row, "banned_until"), row.getBoolean("active")),
                UsernameRules.key(username))
                .orElseThrow(() -> ProblemException.notFound("The account"));
        if (target.role() == Role.ADMIN) {
            throw ProblemException.forbidden("Nobody bans an administrator.");
        }
        if (target.role() == Role.MODERATOR && moderator.role() != Role.ADMIN) {
            throw ProblemException.forbidden("Only an administrator bans or unbans a moderator.");
        }
        return target;
    }

    private BanView view(long accountId, int removedComments) {
        return sql.one("""
                        SELECT a.username, a.ban_reason, a.banned_until, a.banned_at, b.username AS banned_by,
                               a.ban_reason IS NOT NULL AND (a.banned_until IS NULL OR a.banned_until > now()) AS active
                        FROM account a LEFT JOIN account b ON b.id = a.banned_by WHERE a.id = ?""",
                row -> new BanView(row.getString("username"), row.getBoolean("active"), row.getString("ban_reason"),
                        Sql.instant(row, "banned_until"), Sql.instant(row, "banned_at"), row.getString("banned_by"),
                        removedComments),
                accountId).orElseThrow();
    }
}
