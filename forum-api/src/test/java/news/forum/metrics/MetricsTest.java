package news.forum.metrics;

import io.micronaut.context.annotation.Property;
import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.EventStream;
import news.forum.support.TestServers;
import news.forum.thread.LockRequest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After some traffic, the metrics port serves what an operator graphs and alerts on (requests by route and status
 * with latency buckets, comments published, held and refused by rule, open event streams, the pool), and neither the
 * public port nor any address but loopback serves them. The counters are the whole server's: it has one of its own.
 */
@Property(name = TestServers.OWN_SERVER, value = "MetricsTest")
class MetricsTest extends ApiTestBase {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void theMetricsPortServesRequestsCommentsStreamsAndThePoolAfterTraffic() throws Exception {
        String before = scrape();
        String thread = api.newThread();
        Api.Session reader = api.newUser();
        String first = api.postComment(thread, reader.token(), "A first comment, counted", null).expectStatus(201).path("id");
        api.postComment(thread, reader.token(), "A reply, counted as a reply", first).expectStatus(201);
        // the same text again is refused by the repeat rule
        api.postComment(thread, reader.token(), "A first comment, counted", null).expectStatus(422);

        Api.Session moderator = api.newModerator();
        String reviewed = api.newThread();
        api.call(c -> c.moderation(reviewed, null)).as(moderator).body(Map.of("premoderation", "all")).send()
                .expectStatus(200);
        api.postComment(reviewed, reader.token(), "Waits for a moderator", null).expectStatus(202);
        api.as(moderator).lock(reviewed, new LockRequest(null, null));
        api.postComment(reviewed, reader.token(), "Too late, the thread is locked", null).expectStatus(423);

        String after;
        try (EventStream stream = EventStream.open(api.base(), EventStream.path(thread)).awaitOpen()) {
            after = scrape();
            assertThat(value(after, "forum_event_streams_open")).isEqualTo(1.0);
        }

        assertThat(delta(before, after, "forum_comments_posted_total", "outcome=\"published\"", "kind=\"top-level\"")).isEqualTo(1);
        assertThat(delta(before, after, "forum_comments_posted_total", "outcome=\"published\"", "kind=\"reply\"")).isEqualTo(1);
        assertThat(delta(before, after, "forum_comments_posted_total", "outcome=\"held\"")).isEqualTo(1);
        assertThat(delta(before, after, "forum_comments_refused_total", "rule=\"repeated-comment\"")).isEqualTo(1);
        assertThat(delta(before, after, "forum_comments_refused_total", "rule=\"thread-locked\"")).isEqualTo(1);

        // requests by route (the template, never the ids) and status, with latency buckets
        String route = "uri=\"" + Api.route(c -> c.post(thread, null, null)).template() + "\"";
        assertThat(delta(before, after, "http_server_requests_seconds_count", route, "method=\"POST\"", "status=\"201\"")).isEqualTo(2);
        assertThat(delta(before, after, "http_server_requests_seconds_count", route, "method=\"POST\"", "status=\"422\"")).isEqualTo(1);
        assertThat(delta(before, after, "http_server_requests_seconds_bucket", route, "status=\"201\"", "le=\"+Inf\"")).isEqualTo(2);
        assertThat(after).containsPattern("http_server_requests_seconds_bucket\\{[^}]*status=\"201\"[^}]*le=\"0\\.1\"");
        assertThat(after).doesNotContain(thread);

        // the pool: connections in use and waiting, and how long requests hold them (their database time)
        assertThat(after).contains("hikaricp_connections_active{", "hikaricp_connections_pending{",
                "hikaricp_connections_usage_seconds_count{", "hikaricp_connections_acquire_seconds_count{");
        assertThat(value(after, "hikaricp_connections_usage_seconds_count")).isPositive();
        assertThat(after).contains("jvm_memory_used_bytes{");
    }

    @Test
    void neitherThePublicPortNorAnyAddressButLoopbackServesTheMetrics() throws IOException {
        for (String path : List.of("/metrics", "/prometheus", "/metrics/forum.comments.posted")) {
            assertThat(api.get(path).status()).as(path).isEqualTo(404);
        }
        InetSocketAddress address = bean(MetricsServer.class).address().orElseThrow();
        assertThat(address.getAddress().isLoopbackAddress()).isTrue();
        assertThat(address.getPort()).isNotEqualTo(server.getPort());
        // the socket the kernel listens on, not what the code meant: loopback only (IPv4, or IPv4 on a dual-stack
        // socket), never a wildcard address
        String port = String.format(Locale.ROOT, "%04X", address.getPort());
        List<String> listening = new java.util.ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 3 && fields[1].endsWith(":" + port) && fields[3].equals("0A")) {
                    listening.add(fields[1].substring(0, fields[1].indexOf(':')));
                }
            }
        }
        assertThat(listening).isNotEmpty()
                .allMatch(local -> local.equals("0100007F") || local.equals("0000000000000000FFFF00000100007F"));
    }

    private String scrape() throws IOException, InterruptedException {
        InetSocketAddress address = bean(MetricsServer.class).address().orElseThrow();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + address.getPort() + "/metrics")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(MetricsServer.TEXT_FORMAT);
        return response.body();
    }

    /** The sum of the series of that name whose labels include all of these. */
    static double value(String scrape, String name, String... labels) {
        double sum = 0;
        for (String line : scrape.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            String series = line.substring(0, line.lastIndexOf(' '));
            boolean all = true;
            for (String label : labels) {
                all &= series.contains(label);
            }
            if (all) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    private static long delta(String before, String after, String name, String... labels) {
        return Math.round(value(after, name, labels) - value(before, name, labels));
    }
}
