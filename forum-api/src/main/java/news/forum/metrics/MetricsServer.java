package news.forum.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves the Prometheus metrics at {@code /metrics} on a port of their own (FORUM_METRICS_PORT, 9464), bound to
 * loopback unless FORUM_METRICS_HOST says otherwise, so the public port, and a proxy in front of it, never serve
 * them. A plain JDK HTTP server with one thread: a scrape every few seconds needs no more, and it shares nothing
 * with the readers' event loops. A port already taken costs the metrics, never the forum: it logs why and serves on.
 */
@Singleton
@Requires(beans = PrometheusMeterRegistry.class)
final class MetricsServer implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);
    static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final String host;
    private final int port;
    private volatile HttpServer server;
    private volatile ExecutorService executor;

    MetricsServer(PrometheusMeterRegistry registry,
                  @Value("${forum.metrics.host:127.0.0.1}") String host,
                  @Value("${forum.metrics.port:9464}") int port) {
        this.registry = registry;
        this.host = host;
        this.port = port;
    }

    @Override
    public synchronized void onApplicationEvent(ServerStartupEvent event) {
        if (server != null) {
            return;
        }
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 16);
            http.createContext("/metrics", this::scrape);
            executor = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "forum-metrics");
                thread.setDaemon(true);
                return thread;
            });
            http.setExecutor(executor);
            http.start();
            server = http;
            LOG.info("Metrics: Prometheus text format at http://{}:{}/metrics (FORUM_METRICS_HOST, FORUM_METRICS_PORT)",
                    literal(http.getAddress()), http.getAddress().getPort());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Metrics are not served: could not listen on {}:{} ({}); set FORUM_METRICS_PORT to a free port",
                    host, port, e.getMessage());
        }
    }

    /** Where the metrics are served, once the server has started. */
    Optional<InetSocketAddress> address() {
        HttpServer http = server;
        return http == null ? Optional.empty() : Optional.of(http.getAddress());
    }

    private void scrape(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/metrics")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", TEXT_FORMAT);
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String literal(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return host.contains(":") ? "[" + host + "]" : host;
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
