package news.forum.moderation;

import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import news.forum.http.CurrentRequest;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class BanController implements BanOperations {

    private final Bans bans;
    private final CurrentRequest current;

    BanController(Bans bans, CurrentRequest current) {
        this.bans = bans;
        this.current = current;
    }

    @Override
    public BanView ban(String username, BanRequest request) {
        return bans.ban(current.authentication(), username, request);
    }

    @Override
    public BanView lift(String username) {
        return bans.lift(current.authentication(), username);
    }
}
