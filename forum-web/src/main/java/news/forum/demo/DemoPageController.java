package news.forum.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.uri.UriTemplate;
import io.swagger.v3.oas.annotations.Hidden;
import news.forum.embed.EmbedSettings;
import news.forum.startup.DemoMode;
import news.forum.widget.AssetOperations;
import news.forum.widget.ContentSecurityPolicy;
import news.forum.widget.Messages;
import news.forum.widget.WebResources;

import java.util.Map;

import static news.forum.widget.WebResources.escape;

/** A demo publisher's pages, each with the widget embedded exactly as a publisher does it: two lines. */
@Requires(property = DemoMode.PROPERTY, value = "true")
@Controller
@Hidden
class DemoPageController implements DemoOperations {

    private final DemoArticles demo;
    private final Messages messages;
    private final EmbedSettings settings;

    DemoPageController(DemoArticles demo, Messages messages, EmbedSettings settings) {
        this.demo = demo;
        this.messages = messages;
        this.settings = settings;
    }

    @Override
    public HttpResponse<String> seedArticle() {
        return page(demo.seed());
    }

    @Override
    public HttpResponse<String> article(String key) {
        return demo.other(key, settings.publicOrigin().orElse(null))
                .<HttpResponse<String>>map(this::page)
                .orElseGet(HttpResponse::notFound);
    }

    private static String asset(String name) {
        return UriTemplate.of(AssetOperations.ASSET).expand(Map.of("path", name));
    }

    /**
     * The script comes from FORUM_PUBLIC_ORIGIN when it is set, else from this page's own origin (a path), never from
     * the request's Host header, which whoever sends the request writes (and a cache may keep what they wrote).
     */
    private HttpResponse<String> page(DemoArticle article) {
        String scriptOrigin = settings.publicOrigin().orElse("");
        StringBuilder html = WebResources.pageStart(article.title() + " · " + messages.get("demo.siteName"), asset("demo/demo.css"));
        html.append("<header class=\"masthead\">\n<p class=\"site-name\"><a href=\"").append(SEED_ARTICLE).append("\">")
                .append(escape(messages.get("demo.siteName"))).append("</a></p>\n")
                .append("<nav aria-label=\"").append(escape(messages.get("demo.navLabel"))).append("\">")
                .append("<a href=\"").append(SEED_ARTICLE).append("\">").append(escape(demo.seed().title()))
                .append("</a>")
                .append("<a href=\"").append(escape(DemoArticles.path(DemoArticles.OPEN_KEY))).append("\">")
                .append(escape(demo.open().title())).append("</a></nav>\n</header>\n<main>\n")
                .append("<p class=\"demo-note\">").append(escape(messages.get("demo.note"))).append("</p>\n");
        // the publisher's two lines
        article.appendTo(html, messages, scriptOrigin, "");
        html.append("</main>\n<footer class=\"site-footer\"><p>")
                .append(escape(messages.get("demo.footer"))).append("</p></footer>\n</body>\n</html>\n");
        return WebResources.html(html.toString(), ContentSecurityPolicy.page(scriptOrigin));
    }
}
