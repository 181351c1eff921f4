package news.forum.console;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** The moderator console's page. */
public interface ConsoleOperations {

    /** Public and holding no data: its script signs the moderator in against the API. */
    @Get("/moderation")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<String> console();
}
