package news.forum.thread;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import news.forum.http.CurrentRequest;
import news.forum.web.PublicIds;

import static news.forum.web.PublicIds.Kind.THREAD;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class ThreadController implements ThreadOperations {

    private final PublicIds ids;
    private final ThreadService threads;
    private final CurrentRequest current;

    ThreadController(ThreadService threads, PublicIds ids, CurrentRequest current) {
        this.ids = ids;
        this.threads = threads;
        this.current = current;
    }

    @Override
    public ThreadView thread(String threadId) {
        return threads.find(ids.parse(THREAD, threadId));
    }

    @Override
    public ThreadView lock(String threadId, @Nullable LockRequest request) {
        return threads.lock(current.authentication(), ids.parse(THREAD, threadId), request);
    }

    @Override
    public ThreadView unlock(String threadId) {
        return threads.unlock(current.authentication(), ids.parse(THREAD, threadId));
    }

    @Override
    public ThreadView moderation(String threadId, ThreadModerationRequest request) {
        return threads.configureModeration(current.authentication(), ids.parse(THREAD, threadId), request);
    }
}
