package news.forum.console;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.swagger.v3.oas.annotations.Hidden;
import news.forum.widget.ContentSecurityPolicy;
import news.forum.widget.Messages;
import news.forum.widget.WebResources;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The moderator console. The page itself is public and holds no data: its script signs the moderator in against
 * the API, which checks the role on every call. Its texts come from the message catalogue, filled in once.
 */
@Controller
@Hidden
class ModerationConsoleController implements ConsoleOperations {

    private static final Pattern MESSAGE = Pattern.compile("\\{\\{([a-zA-Z]+(?:\\.[a-zA-Z]+)+)}}");

    private final String html;

    ModerationConsoleController(Messages messages) {
        Matcher placeholders = MESSAGE.matcher(WebResources.text("console/console.html")
                .replace("{{languages}}", WebResources.escape(messages.languages())));
        StringBuilder page = new StringBuilder();
        while (placeholders.find()) {
            placeholders.appendReplacement(page,
                    Matcher.quoteReplacement(WebResources.escape(messages.get(placeholders.group(1)))));
        }
        placeholders.appendTail(page);
        this.html = page.toString();
    }

    @Override
    public HttpResponse<String> console() {
        return WebResources.html(html, ContentSecurityPolicy.console());
    }
}
