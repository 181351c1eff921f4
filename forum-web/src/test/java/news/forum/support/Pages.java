package news.forum.support;

import news.forum.console.ConsoleOperations;
import news.forum.demo.DemoOperations;
import news.forum.home.HomeOperations;
import news.forum.widget.AssetOperations;
import news.forum.widget.EmbedPageOperations;

/** Where the server's pages and files are, read from their *Operations interfaces like the API's routes. */
public final class Pages {

    private Pages() {
    }

    public static String embedScript() {
        return Api.route(AssetOperations.class, AssetOperations::embedScript).path();
    }

    public static String asset(String name) {
        return Api.route(AssetOperations.class, a -> a.asset(name)).path();
    }

    public static String embedPage(String articleKey) {
        return Api.route(EmbedPageOperations.class, p -> p.embedPage(articleKey)).path();
    }

    public static String console() {
        return Api.route(ConsoleOperations.class, ConsoleOperations::console).path();
    }

    public static String home() {
        return Api.route(HomeOperations.class, HomeOperations::home).path();
    }

    public static String seedArticle() {
        return Api.route(DemoOperations.class, DemoOperations::seedArticle).path();
    }

    public static String demoArticle(String key) {
        return Api.route(DemoOperations.class, d -> d.article(key)).path();
    }
}
