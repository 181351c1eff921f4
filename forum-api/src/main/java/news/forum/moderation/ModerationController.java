package news.forum.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import news.forum.http.CurrentRequest;
import news.forum.web.PageSize;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class ModerationController implements ModerationOperations {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 100;

    private final ModerationQueue queue;
    private final ModerationLog log;
    private final CurrentRequest current;

    ModerationController(ModerationQueue queue, ModerationLog log, CurrentRequest current) {
        this.queue = queue;
        this.log = log;
        this.current = current;
    }

    @Override
    public QueuePage queue(@Nullable String kind, @Nullable String after, @Nullable String limit) {
        return queue.page(current.authentication(), kind, after, PageSize.parse(limit, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE));
    }

    @Override
    public LogPage log(@Nullable String after, @Nullable String limit) {
        return log.page(current.authentication(), after, PageSize.parse(limit, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE));
    }
}
