package news.forum.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import news.forum.article.ArticleRequest;
import news.forum.article.ArticleService;
import news.forum.startup.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once the server is up: where the demo data was loaded, adds the second demo article, open for replies, so a
 * newcomer can try replying; then says where the demo page is.
 */
@Requires(property = DemoMode.PROPERTY, value = "true")
@Singleton
class OpenDemoArticle implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(OpenDemoArticle.class);

    private final DemoArticles demo;
    private final ArticleService articles;

    OpenDemoArticle(DemoArticles demo, ArticleService articles) {
        this.demo = demo;
        this.articles = articles;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (articles.findIfKnown(demo.seed().key()).isEmpty()) {
            return;
        }
        if (articles.findIfKnown(DemoArticles.OPEN_KEY).isEmpty()) {
            articles.saveTrusted(DemoArticles.OPEN_KEY, new ArticleRequest(demo.open().title(), demo.open().url()));
            LOG.info("Added the demo article '{}', open for replies", demo.open().title());
        }
        String url = event.getSource().getURL().toString().replaceFirst("/$", "");
        LOG.info("Demo publisher page: {}/ (open for replies: {}{})", url, url,
                DemoArticles.path(DemoArticles.OPEN_KEY));
    }
}
