package news.forum.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import news.forum.embed.EmbedSettings;
import news.forum.sso.PublisherTokens;
import news.forum.startup.DemoMode;
import news.forum.startup.DemoPasswords;
import news.forum.widget.Messages;
import news.forum.widget.WebResources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static news.forum.widget.WebResources.escape;

/**
 * The demo's second publisher, on an origin of its own (a port of its own on loopback, FORUM_DEMO_PUBLISHER_PORT):
 * a news site with its own tiny sign-in (three demo readers) whose server side signs each signed-in reader's token
 * with the forum's shared secret, as a newsroom's backend would, so single sign-on can be tried end to end. Its
 * article page hands the widget tokens through {@code window.forumSso} ({@code /}) or on the embed element
 * ({@code /?sso=attribute}). Only with FORUM_DEMO=true and single sign-on by a shared secret (the demo makes one).
 */
@Singleton
// only in demo mode, as the demo articles it shows (a start without it has neither)
@Requires(property = DemoMode.PROPERTY, value = "true")
public class DemoPublisherSite implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoPublisherSite.class);
    private static final String COOKIE = "publisher_session";

    /**
     * The demo publisher's readers: its own accounts, not the forum's; their passwords are generated per data
     * directory (DemoPasswords), shown in the log and on this site's own sign-in, which is the demo.
     */
    record DemoReader(String username, String name, String subject) {
    }

    static final List<DemoReader> READERS = List.of(
            new DemoReader("amina", "Amina Diallo", "example-times-1001"),
            new DemoReader("ben", "Ben Okafor", "example-times-1002"),
            new DemoReader("chloe", "Chloé Martin", "example-times-1003"));

    private final int port;
    private final PublisherTokens tokens;
    private final EmbedSettings embed;
    private final DemoArticles articles;
    private final Messages messages;
    private final DemoPasswords passwords;
    private final Map<String, DemoReader> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private volatile HttpServer server;
    private volatile ExecutorService executor;
    private volatile int forumPort;

    DemoPublisherSite(@Value("${forum.demo-publisher-port:0}") int port,
                      PublisherTokens tokens, EmbedSettings embed, DemoArticles articles, Messages messages,
                      DemoPasswords passwords) {
        this.port = port;
        this.tokens = tokens;
        this.embed = embed;
        this.articles = articles;
        this.messages = messages;
        this.passwords = passwords;
    }

    /** The reader's password on this site, as the demo generated it for this data directory. */
    public String password(String username) {
        return passwords.ofPublisherReader(username, READERS.stream().map(DemoReader::username).toList());
    }

    private String readersAndPasswords() {
        return String.join(", ", READERS.stream().map(r -> r.username() + " / " + password(r.username())).toList());
    }

    @Override
    public synchronized void onApplicationEvent(ServerStartupEvent event) {
        if (!tokens.available() || server != null) {
            return;
        }
        forumPort = event.getSource().getPort();
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
            http.createContext("/", this::handle);
            executor = Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "forum-demo-publisher");
                thread.setDaemon(true);
                return thread;
            });
            http.setExecutor(executor);
            http.start();
            server = http;
            int own = http.getAddress().getPort();
            embed.allowAlso("http://localhost:" + own);
            embed.allowAlso("http://127.0.0.1:" + own);
            LOG.info("Demo publisher with its own sign-in (single sign-on): http://localhost:{}/ (readers {})", own,
                    readersAndPasswords());
        } catch (IOException | RuntimeException e) {
            LOG.warn("The demo publisher is not served: could not listen on port {} ({})", port, e.getMessage());
        }
    }

    /** Its origin as the tests reach it, once it listens. */
    public Optional<String> origin() {
        HttpServer http = server;
        return http == null ? Optional.empty() : Optional.of("http://localhost:" + http.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Optional<String> host = loopbackHost(exchange);
            if (host.isEmpty()) {
                send(exchange, 400, "text/plain;charset=utf-8", "Reach the demo publisher at localhost or 127.0.0.1.");
                return;
            }
            String forum = embed.publicOrigin().orElse("http://" + host.get() + ":" + forumPort);
            switch (method + " " + path) {
                case "GET /" -> page(exchange, forum);
                case "GET /publisher.js" -> send(exchange, 200, "text/javascript;charset=utf-8", WebResources.text("demo/publisher.js"));
                case "POST /login" -> login(exchange);
                case "POST /logout" -> {
                    cookie(exchange).ifPresent(sessions::remove);
                    exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
                    exchange.sendResponseHeaders(204, -1);
                }
                // the publisher's backend signs a fresh token for its signed-in reader; nobody signed in: 204
                case "POST /forum-token" -> {
                    Optional<String> token = reader(exchange).flatMap(r -> sign(r));
                    if (token.isPresent()) {
                        exchange.getResponseHeaders().set("Cache-Control", "no-store");
                        send(exchange, 200, "text/plain;charset=utf-8", token.get());
                    } else {
                        exchange.sendResponseHeaders(204, -1);
                    }
                }
                default -> send(exchange, 404, "text/plain;charset=utf-8", "Not found");
            }
        }
    }

    private Optional<String> sign(DemoReader reader) {
        return tokens.sign(new PublisherTokens.Reader(reader.subject(), reader.username(), reader.name()));
    }

    private void login(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readNBytes(4096), StandardCharsets.UTF_8));
        Optional<DemoReader> reader = READERS.stream()
                .filter(r -> r.username().equals(form.getOrDefault("username", "").strip().toLowerCase())
                        && MessageDigest.isEqual(password(r.username()).getBytes(StandardCharsets.UTF_8),
                                form.getOrDefault("password", "").getBytes(StandardCharsets.UTF_8)))
                .findFirst();
        String back = "attribute".equals(form.get("sso")) ? "/?sso=attribute" : "/";
        if (reader.isEmpty()) {
            back += (back.contains("?") ? "&" : "?") + "wrong=1";
        } else {
            String id = HexFormat.of().formatHex(bytes(24));
            sessions.put(id, reader.get());
            exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Lax");
        }
        exchange.getResponseHeaders().set("Location", back);
        exchange.sendResponseHeaders(303, -1);
    }

    private byte[] bytes(int count) {
        byte[] out = new byte[count];
        random.nextBytes(out);
        return out;
    }

    private void page(HttpExchange exchange, String forum) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        boolean onElement = "attribute".equals(query.get("sso"));
        Optional<DemoReader> reader = reader(exchange);
        DemoArticle article = articles.open();
        String token = onElement ? reader.flatMap(r -> sign(r)).orElse(null) : null;
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(article.title())).append(" · ")
                .append(escape(messages.get("demo.publisher.siteName"))).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"").append(escape(forum)).append("/assets/demo/demo.css\">\n")
                // the publisher's own script: window.forumSso (unless the token is on the element) and its sign-out
                .append("<meta name=\"publisher-sso\" content=\"").append(onElement ? "attribute" : "callback").append("\">\n")
                .append("<script src=\"/publisher.js\"></script>\n")
                .append("</head>\n<body>\n<header class=\"masthead\">\n<p class=\"site-name\">")
                .append(escape(messages.get("demo.publisher.siteName"))).append("</p>\n")
                .append("<div class=\"publisher-account\" id=\"publisher-account\">\n")
                .append("<p id=\"publisher-signed-in\"").append(reader.isPresent() ? "" : " hidden").append(">")
                .append(escape(messages.get("demo.publisher.signedInAs"))).append(" <strong id=\"publisher-reader\">")
                .append(escape(reader.map(DemoReader::name).orElse(""))).append("</strong> ")
                .append("<button type=\"button\" id=\"publisher-logout\">")
                .append(escape(messages.get("demo.publisher.signOut"))).append("</button></p>\n")
                .append("<form id=\"publisher-login\" method=\"post\" action=\"/login\"").append(reader.isPresent() ? " hidden" : "")
                .append(">\n<input type=\"hidden\" name=\"sso\" value=\"").append(onElement ? "attribute" : "callback").append("\">\n")
                .append("<label for=\"publisher-username\">").append(escape(messages.get("demo.publisher.username"))).append("</label>\n")
                .append("<input id=\"publisher-username\" name=\"username\" autocomplete=\"username\">\n")
                .append("<label for=\"publisher-password\">").append(escape(messages.get("demo.publisher.password"))).append("</label>\n")
                .append("<input id=\"publisher-password\" name=\"password\" type=\"password\" autocomplete=\"current-password\">\n")
                .append("<button type=\"submit\">").append(escape(messages.get("demo.publisher.signIn"))).append("</button>\n")
                .append(query.containsKey("wrong") ? "<p role=\"alert\">" + escape(messages.get("demo.publisher.wrong")) + "</p>\n" : "")
                .append("</form>\n</div>\n</header>\n<main>\n<p class=\"demo-note\">")
                .append(escape(messages.get("demo.publisher.note", Map.of("readers", readersAndPasswords()))))
                .append("</p>\n");
        // on the element: the reader's fresh token, or empty when nobody is signed in here
        article.appendTo(html, messages, forum, onElement ? " data-forum-sso-token=\"" + escape(token == null ? "" : token) + "\"" : "");
        html.append("</main>\n</body>\n</html>\n");
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; script-src 'self' " + forum
                + "; style-src " + forum + "; img-src 'self' data:; frame-src " + forum + "; connect-src 'self'; "
                + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, 200, "text/html;charset=utf-8", html.toString());
    }

    private Optional<DemoReader> reader(HttpExchange exchange) {
        return cookie(exchange).map(sessions::get);
    }

    private static Optional<String> cookie(HttpExchange exchange) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String part : header.split(";")) {
                String pair = part.strip();
                if (pair.startsWith(COOKIE + "=")) {
                    return Optional.of(pair.substring(COOKIE.length() + 1));
                }
            }
        }
        return Optional.empty();
    }

    /** localhost or 127.0.0.1 (the only names of a loopback listener the forum allows as origins), or nothing. */
    private static Optional<String> loopbackHost(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null) {
            return Optional.empty();
        }
        String name = host.contains(":") ? host.substring(0, host.lastIndexOf(':')) : host;
        return name.equals("localhost") || name.equals("127.0.0.1") ? Optional.of(name) : Optional.empty();
    }

    private static Map<String, String> form(@Nullable String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                } else if (!pair.isEmpty()) {
                    values.put(URLDecoder.decode(pair, StandardCharsets.UTF_8), "");
                }
            }
        }
        return values;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }
}
