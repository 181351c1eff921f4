package news.forum.home;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** The server's own page at {@code /} outside demo mode (in demo mode the demo's seed article is there). */
public interface HomeOperations {

    String HOME = "/";

    /** What this server is, the publisher's two lines with its own origin, and where the docs are. */
    // a page: text/html, so that a browser's or any client's Accept: text/html is answered, never 406
    @Get(value = HOME, produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<String> home();
}
