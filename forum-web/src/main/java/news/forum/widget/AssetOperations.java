package news.forum.widget;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** The publisher's script and the files of the widget's page and of the console. */
public interface AssetOperations {

    String EMBED_SCRIPT = "/embed.js";
    String ASSET = "/assets/{+path}";

    /** The one file a publisher includes. */
    @Get(EMBED_SCRIPT)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<byte[]> embedScript();

    /** A file of the pages' scripts, styles and catalogues by its path under web/: nothing else is reachable. */
    @Get(ASSET)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<byte[]> asset(@PathVariable String path);
}
