package news.forum.home;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.swagger.v3.oas.annotations.Hidden;
import news.forum.embed.EmbedSettings;
import news.forum.startup.DemoMode;
import news.forum.version.ForumVersion;
import news.forum.widget.ContentSecurityPolicy;
import news.forum.widget.Messages;
import news.forum.widget.WebResources;

import java.util.Map;

import static news.forum.widget.WebResources.escape;

/** {@code /} outside demo mode: what this server is, the publisher's two lines with its own origin, and where the docs are. */
@Requires(property = DemoMode.PROPERTY, notEquals = "true")
@Controller
@Hidden
class HomePageController implements HomeOperations {

    private final Messages messages;
    private final EmbedSettings settings;
    private final String version;

    HomePageController(Messages messages, EmbedSettings settings, ForumVersion version) {
        this.messages = messages;
        this.settings = settings;
        this.version = version.version();
    }

    @Override
    public HttpResponse<String> home() {
        // FORUM_PUBLIC_ORIGIN, else a placeholder for the publisher to fill in: never the request's Host, which whoever
        // sends the request writes (and a cache may keep what they wrote)
        String origin = settings.publicOrigin().orElse("https://forum.example");
        String embed = "<div data-forum-article=\"ARTICLE-KEY\" data-forum-title=\"Article title\" "
                + "data-forum-url=\"https://news.example/article\"></div>\n<script src=\"" + origin + "/embed.js\" async></script>";
        StringBuilder html = WebResources.pageStart(messages.get("home.title"), "/assets/demo/demo.css");
        html.append("<header class=\"masthead\">\n<p class=\"site-name\">").append(escape(messages.get("home.title")))
                .append("</p>\n</header>\n<main>\n<p>").append(escape(messages.get("home.lead"))).append("</p>\n")
                .append("<h2>").append(escape(messages.get("home.embedHeading"))).append("</h2>\n<p>")
                .append(escape(messages.get("home.embedText"))).append("</p>\n<pre><code>").append(escape(embed))
                .append("</code></pre>\n<h2>").append(escape(messages.get("home.docsHeading"))).append("</h2>\n<ul>\n");
        link(html, "/openapi.yml", "home.docs.api");
        link(html, "/moderation", "home.docs.console");
        link(html, "/health", "home.docs.health");
        link(html, "/api/v1/version", "home.docs.version");
        html.append("</ul>\n<p>").append(escape(messages.get("home.docs.readme"))).append("</p>\n")
                .append("<p class=\"demo-note\">").append(escape(messages.get("home.noDemo"))).append("</p>\n</main>\n")
                .append("<footer class=\"site-footer\"><p>")
                .append(escape(messages.get("home.footer", Map.of("version", version)))).append("</p></footer>\n")
                .append("</body>\n</html>\n");
        return WebResources.html(html.toString(), ContentSecurityPolicy.page(""));
    }

    private void link(StringBuilder html, String path, String key) {
        html.append("<li><a href=\"").append(path).append("\">").append(escape(messages.get(key))).append("</a></li>\n");
    }
}
