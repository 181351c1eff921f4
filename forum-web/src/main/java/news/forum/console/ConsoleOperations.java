package news.forum.console;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** The moderator console's page. */
public interface ConsoleOperations {

    /** Public and holding no data: its script signs the moderator in against the API. */
    // a page: text/html, so that a browser's or any client's Accept: text/html is answered, never 406
    @Get(value = "/moderation", produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<String> console();
}
