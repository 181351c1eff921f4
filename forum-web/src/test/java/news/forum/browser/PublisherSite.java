package news.forum.browser;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A publisher's site on its own origin: {@code /article?forum=ORIGIN&key=KEY[&url=URL][&theme=dark]} serves a page
 * with the publisher's two lines. Reached as http://localhost:PORT (an allowed origin in the tests) or
 * http://127.0.0.1:PORT (not allowed), both on the loopback interface.
 */
public final class PublisherSite implements AutoCloseable {

    private static PublisherSite shared;

    private final HttpServer server;

    private PublisherSite() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/article", exchange -> {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String url = query.get("url");
            String theme = query.get("theme");
            String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Publisher article</title>"
                    + "</head><body><h1>A publisher's article</h1><p>Article text.</p>\n"
                    + "<div data-forum-article=\"" + query.get("key") + "\" data-forum-title=\"A publisher's article\""
                    + (url == null ? "" : " data-forum-url=\"" + url + "\"")
                    + (theme == null ? "" : " data-forum-theme=\"" + theme + "\"") + "></div>\n"
                    + "<script src=\"" + query.get("forum") + "/embed.js\" async></script>\n"
                    + "<p id=\"after\">Below the discussion.</p></body></html>";
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html;charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public static synchronized PublisherSite shared() {
        if (shared == null) {
            shared = new PublisherSite();
        }
        return shared;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The origin the forum's tests allow. */
    public String allowedOrigin() {
        return "http://localhost:" + port();
    }

    public String otherOrigin() {
        return "http://127.0.0.1:" + port();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
