package news.forum.widget;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import news.forum.account.LocalAccounts;
import news.forum.embed.EmbedSettings;

/**
 * The page inside the publisher's iframe. Only the allowed publisher origins (and the forum's own) may frame it;
 * its script reads the article key from the path and everything else from the API.
 */
@Controller(value = "/embed", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class EmbedPageController {

    private final String template;
    private final EmbedSettings settings;

    EmbedPageController(EmbedSettings settings, Messages messages, LocalAccounts localAccounts) {
        this.settings = settings;
        this.template = WebResources.text("frame/frame.html").replace("{{languages}}", WebResources.escape(messages.languages()))
                .replace("{{localAccounts}}", String.valueOf(localAccounts.enabled()));
    }

    @Get("/{articleKey}")
    HttpResponse<String> page(@PathVariable String articleKey, HttpRequest<?> request) {
        String origins = String.join(" ", settings.allowedOrigins());
        String html = template.replace("{{allowedOrigins}}", WebResources.escape(origins));
        return WebResources.html(html, ContentSecurityPolicy.embedPage(settings.allowedOrigins()));
    }
}
