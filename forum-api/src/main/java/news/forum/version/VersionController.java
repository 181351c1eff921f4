package news.forum.version;

import io.micronaut.http.annotation.Controller;

@Controller
class VersionController implements VersionOperations {

    private final ForumVersion version;

    VersionController(ForumVersion version) {
        this.version = version;
    }

    @Override
    public VersionView version() {
        return new VersionView("forum", version.version());
    }
}
