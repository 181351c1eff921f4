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
import news.forum.text.TextRules;
import news.forum.web.ProblemException;

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
    public ThreadView lock(Authentication authentication, long threadId, @Nullable String reason) {
        return lockAs(callers.requireModerator(authentication), threadId, reason);
    }

    @Transactional
    public ThreadView lockAs(Caller moderator, long threadId, @Nullable String reason) {
        String cleanReason = reason == null ? null : TextRules.cleanLine("reason", reason);
        if (cleanReason != null && cleanReason.isEmpty()) {
            cleanReason = null;
        }
        if (threads.lock(threadId, moderator.id(), cleanReason)) {
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

    /** 423 Locked, with the moderator's reason when there is one. */
    public static ProblemException locked(@Nullable String reason) {
        return new ProblemException(HttpStatus.LOCKED, "thread-locked", "Comments are closed",
                reason == null ? "Comments are closed." : "Comments are closed: " + reason);
    }
}
