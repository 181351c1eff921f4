package news.forum.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.uri.UriTemplate;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import news.forum.startup.DemoData;
import news.forum.startup.DemoMode;
import news.forum.widget.Messages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo publisher's articles: the seed article (its thread is the demo data, locked), a second article open
 * for replies, and a page for any other key, whose thread starts with its first reply.
 */
@Requires(property = DemoMode.PROPERTY, value = "true")
@Singleton
class DemoArticles {

    static final String OPEN_KEY = "try-the-embed";
    /** Where the demo publisher's pages say they are when the forum's public origin is not configured. */
    static final String PUBLISHER = "https://news.example";
    static final String OPEN_URL = PUBLISHER + path(OPEN_KEY);

    private final DemoArticle seed;
    private final DemoArticle open;
    private final Messages messages;

    DemoArticles(JsonMapper json, Messages messages) {
        this.messages = messages;
        this.seed = readSeed(json);
        this.open = new DemoArticle(OPEN_KEY, messages.get("demo.open.title"), OPEN_URL,
                messages.list("demo.open.paragraphs"));
    }

    DemoArticle seed() {
        return seed;
    }

    DemoArticle open() {
        return open;
    }

    /**
     * The page for any other key lives on the forum's public origin, which may start threads when FORUM_PUBLIC_ORIGIN
     * names it; without one it gives the demo publisher's address, where a thread starts only if that is allowed.
     */
    Optional<DemoArticle> other(String key, @Nullable String publicOrigin) {
        if (!key.matches("[A-Za-z0-9._~-]{1,200}")) {
            return Optional.empty();
        }
        if (key.equals(seed.key())) {
            return Optional.of(seed);
        }
        if (key.equals(OPEN_KEY)) {
            return Optional.of(open);
        }
        return Optional.of(new DemoArticle(key, messages.get("demo.other.title", Map.of("key", key)),
                (publicOrigin == null ? PUBLISHER : publicOrigin) + path(key), messages.list("demo.other.paragraphs")));
    }

    /** Where the demo page of this article key is. */
    static String path(String key) {
        return UriTemplate.of(DemoOperations.ARTICLE).expand(Map.of("key", key));
    }

    private static DemoArticle readSeed(JsonMapper json) {
        try (InputStream in = DemoData.class.getResourceAsStream("us-boots-thread.json")) {
            if (in == null) {
                throw new IllegalStateException("us-boots-thread.json is missing from the classpath");
            }
            JsonNode article = json.readValue(in.readAllBytes(), JsonNode.class).get("article");
            List<String> paragraphs = new ArrayList<>();
            article.get("paragraphs").values().forEach(p -> paragraphs.add(p.getStringValue()));
            return new DemoArticle(article.get("key").getStringValue(), article.get("title").getStringValue(),
                    DemoData.ARTICLE_URL, List.copyOf(paragraphs));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the demo thread", e);
        }
    }
}
