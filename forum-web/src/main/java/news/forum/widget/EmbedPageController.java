package news.forum.widget;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.swagger.v3.oas.annotations.Hidden;
import news.forum.account.LocalAccounts;
import news.forum.embed.EmbedSettings;

/**
 * The page inside the publisher's iframe. Only the allowed publisher origins (and the forum's own) may frame it;
 * its script reads the article key from the path and everything else from the API.
 */
@Controller
@Hidden
class EmbedPageController implements EmbedPageOperations {

    private final String template;
    private final EmbedSettings settings;

    EmbedPageController(EmbedSettings settings, Messages messages, LocalAccounts localAccounts) {
        this.settings = settings;
        this.template = WebResources.text("frame/frame.html").replace("{{languages}}", WebResources.escape(messages.languages()))
                .replace("{{localAccounts}}", String.valueOf(localAccounts.enabled()));
    }

    @Override
    public HttpResponse<String> embedPage(String articleKey) {
        String origins = String.join(" ", settings.allowedOrigins());
        String html = template.replace("{{allowedOrigins}}", WebResources.escape(origins));
        return WebResources.html(html, ContentSecurityPolicy.embedPage(settings.allowedOrigins()));
    }
}
