package news.forum.version;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

/** {@code GET /api/v1/version}: which build answers (an operator checking an upgrade, a client checking what it talks to). */
@Controller("/api/v1/version")
@Secured(SecurityRule.IS_ANONYMOUS)
class VersionController {

    /** The server's name and its version, as the CHANGELOG names versions. */
    @Serdeable
    record VersionView(String name, String version) {
    }

    private final ForumVersion version;

    VersionController(ForumVersion version) {
        this.version = version;
    }

    @Get
    VersionView version() {
        return new VersionView("forum", version.version());
    }
}
