package news.forum.demo;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** The demo publisher's pages, each embedding the discussion exactly as a publisher does. */
public interface DemoOperations {

    String SEED_ARTICLE = "/";
    String ARTICLE = "/demo/{key}";

    /** The seed article, whose thread is the demo data. */
    // pages: text/html, so that a browser's or any client's Accept: text/html is answered, never 406
    @Get(value = SEED_ARTICLE, produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<String> seedArticle();

    /** The article open for replies, or a page for any other key, whose thread starts with its first reply. */
    @Get(value = ARTICLE, produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<String> article(@PathVariable String key);
}
