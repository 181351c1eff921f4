package news.forum.widget;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** The page inside the publisher's iframe. */
public interface EmbedPageOperations {

    /** Framed only by the allowed publisher origins and the forum's own; its script reads everything from the API. */
    // a page: text/html, so that a browser's or any client's Accept: text/html is answered, never 406
    @Get(value = "/embed/{articleKey}", produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<String> embedPage(@PathVariable String articleKey);
}
