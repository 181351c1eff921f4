package news.forum.browser;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import news.forum.startup.DemoPasswords;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/**
 * A real forum server on a free port with its embedded PostgreSQL and the demo data, a publisher's site on
 * another origin that the forum allows, and helpers to drive Chromium against both.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest implements TestPropertyProvider {

    static final String READER = "tariq";
    static final String OTHER_READER = "sana";
    static final String MODERATOR = "moderator";

    final PublisherSite publisher = PublisherSite.shared();

    @Inject
    EmbeddedServer server;

    @Inject
    DemoPasswords demoPasswords;

    @Inject
    @Client("/")
    HttpClient client;

    /** Chosen before the server starts, so that the forum's public origin can be configured with it. */
    private final int port = freePort();

    /**
     * The forum is configured with its public origin, as a deployment behind a name is: only then may its own demo
     * pages start threads (an origin is never taken from a request's Host header).
     */
    @Override
    public Map<String, String> getProperties() {
        return Map.of("forum.embed.allowed-origins", publisher.allowedOrigin(),
                "micronaut.server.port", Integer.toString(port),
                "forum.embed.public-origin", "http://127.0.0.1:" + port);
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A demo account's password, read from where the server keeps it (generated into its data directory). */
    String demoPassword(String username) {
        return demoPasswords.of(username);
    }

    ForumApi api() {
        return new ForumApi(client);
    }

    /** The forum as the browser reaches it. */
    String forum() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** A demo publisher page on the forum's own origin for a fresh article key. */
    String demoPage(String key) {
        return forum() + "/demo/" + key;
    }

    String publisherPage(String origin, String key, String extraQuery) {
        return origin + "/article?forum=" + forum() + "&key=" + key + (extraQuery == null ? "" : "&" + extraQuery);
    }
}
