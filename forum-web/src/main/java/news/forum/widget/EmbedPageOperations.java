package news.forum.widget;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** The page inside the publisher's iframe. */
public interface EmbedPageOperations {

    /** Framed only by the allowed publisher origins and the forum's own; its script reads everything from the API. */
    @Get("/embed/{articleKey}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<String> embedPage(@PathVariable String articleKey);
}
