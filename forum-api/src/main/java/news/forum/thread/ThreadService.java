package news.forum.thread;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import news.forum.account.Caller;
import news.forum.account.Callers;
import news.forum.audit.AuditLog;
import news.forum.live.ThreadEvents;
import news.forum.moderation.ModerationSettings;
import news.forum.text.TextRules;
import news.forum.web.ProblemException;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

@Singleton
public class ThreadService {

    private final ThreadRepository threads;
    private final Callers callers;
    private final AuditLog audit;
    private final ThreadEvents events;

    ThreadService(ThreadRepository threads, Callers callers, AuditLog audit, ThreadEvents events) {
        this.events = events;
        this.threads = threads;
        this.callers = callers;
        this.audit = audit;
    }

    @ReadOnly
    public ThreadView find(long threadId) {
        return threads.findView(threadId).orElseThrow(() -> ProblemException.notFound("The thread"));
    }

    @Transactional
    public ThreadView lock(Authentication authentication, long threadId, @Nullable LockRequest request) {
        return lockAs(callers.requireModerator(authentication), threadId,
                request == null ? null : request.reason(), request == null ? null : request.note());
    }

    /** Locking a locked thread changes nothing, its reason and note included. */
    @Transactional
    public ThreadView lockAs(Caller moderator, long threadId, @Nullable String reason, @Nullable String note) {
        String cleanReason = reason == null ? null : TextRules.cleanLine("reason", reason);
        if (cleanReason != null && cleanReason.isEmpty()) {
            cleanReason = null;
        }
        String cleanNote = note == null ? null : TextRules.clean("note", note).strip();
        if (cleanNote != null && cleanNote.isEmpty()) {
            cleanNote = null;
        }
        if (threads.lock(threadId, moderator.id(), cleanReason, cleanNote)) {
            audit.record(moderator.id(), "thread.lock", "thread", threadId, cleanReason);
            events.threadLocked(threadId);
        }
        return find(threadId);
    }

    @Transactional
    public ThreadView unlock(Authentication authentication, long threadId) {
        Caller moderator = callers.requireModerator(authentication);
        if (threads.unlock(threadId)) {
            audit.record(moderator.id(), "thread.unlock", "thread", threadId, null);
            events.threadUnlocked(threadId);
        }
        return find(threadId);
    }

    /**
     * Sets pre-moderation (none, all, new_accounts, or default: the site's) and slow mode by hand (seconds between
     * one account's comments, 0 off; it holds until changed). Audited when something changed.
     */
    @Transactional
    public ThreadView configureModeration(Authentication authentication, long threadId, ThreadModerationRequest request) {
        Caller moderator = callers.requireModerator(authentication);
        if (request.premoderation() == null && request.slowModeSeconds() == null) {
            throw ProblemException.invalidField("premoderation", "or slowModeSeconds must be given");
        }
        String premoderation = request.premoderation() == null ? null : premoderation(request.premoderation());
        ThreadRepository.ModerationState current = threads.lockModerationState(threadId)
                .orElseThrow(() -> ProblemException.notFound("The thread"));
        String newPremoderation = request.premoderation() == null ? current.premoderation()
                : "default".equals(premoderation) ? null : premoderation;
        int newSeconds = request.slowModeSeconds() == null ? current.slowModeSeconds()
                : request.slowModeSeconds().intValueExact();
        Instant newUntil = request.slowModeSeconds() == null ? current.slowModeUntil() : null;
        if (Objects.equals(newPremoderation, current.premoderation()) && newSeconds == current.slowModeSeconds()
                && Objects.equals(newUntil, current.slowModeUntil())) {
            return find(threadId);
        }
        threads.updateModeration(threadId, newPremoderation, newSeconds, newUntil);
        audit.record(moderator.id(), "thread.moderation", "thread", threadId,
                "premoderation: " + (newPremoderation == null ? "default" : newPremoderation)
                        + ", slow mode: " + (newSeconds == 0 ? "off" : newSeconds + " s"));
        return find(threadId);
    }

    private static String premoderation(String value) {
        String mode = value.strip().toLowerCase(Locale.ROOT);
        if (!mode.equals("default") && !ModerationSettings.PREMODERATION_MODES.contains(mode)) {
            throw ProblemException.invalidField("premoderation", "must be none, all, new_accounts or default");
        }
        return mode;
    }

    /** 423 Locked, with the moderator's reason when there is one. */
    public static ProblemException locked(@Nullable String reason) {
        return new ProblemException(HttpStatus.LOCKED, "thread-locked", "Comments are closed",
                reason == null ? "Comments are closed." : "Comments are closed: " + reason);
    }
}
