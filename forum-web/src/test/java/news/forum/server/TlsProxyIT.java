package news.forum.server;

import io.micronaut.json.JsonMapper;
import news.forum.support.Api;
import news.forum.support.EventStream;
import news.forum.support.Pages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The forum behind nginx terminating TLS with README's configuration (src/test/resources/nginx/tls-proxy.conf) and a
 * certificate made by the test: readers get the widget and a live thread over HTTPS with certificate checking on,
 * plain HTTP only redirects, HSTS is sent, the forum's own origin is FORUM_PUBLIC_ORIGIN's https one and the readers'
 * addresses come from X-Forwarded-For. Loopback only; nginx and the server are started and stopped by the test.
 */
class TlsProxyIT {

    private static final Duration START = Duration.ofSeconds(300);
    private static final String HSTS = "max-age=63072000; includeSubDomains";
    private final JsonMapper json = JsonMapper.createDefault();

    @TempDir
    Path data;

    @Test
    void readersGetTheWidgetAndTheLiveThreadOverHttpsAndPlainHttpOnlyRedirects() throws Exception {
        TestCertificates certificates = TestCertificates.create();
        int httpPort = NginxProcess.freePort();
        int httpsPort = NginxProcess.freePort();
        try (ServerProcess forum = ServerProcess.start(data, Map.of(
                "FORUM_ADMIN_PASSWORD", Api.ADMIN_PASSWORD,
                "FORUM_TRUSTED_PROXIES", "127.0.0.1",
                "FORUM_PUBLIC_ORIGIN", "https://127.0.0.1:" + httpsPort,
                "FORUM_REGISTRATIONS_PER_ADDRESS", "2"))) {
            assertThat(forum.awaitLine("Server Running", START)).as(forum.output()).isTrue();
            Path prefix = NginxProcess.newPrefix();
            certificates.writeServerPem(prefix.resolve("forum.crt"), prefix.resolve("forum.key"));
            try (NginxProcess nginx = NginxProcess.start("tls-proxy.conf", prefix, httpsPort, Map.of(
                    "@UPSTREAM@", "127.0.0.1:" + forum.port(),
                    "@SERVER_NAME@", "127.0.0.1 localhost",
                    "@HTTP_LISTEN@", "127.0.0.1:" + httpPort,
                    "@HTTPS_LISTEN@", "127.0.0.1:" + httpsPort,
                    "@HTTPS_PORT_SUFFIX@", ":" + httpsPort,
                    "@CERTIFICATE@", prefix.resolve("forum.crt").toString(),
                    "@CERTIFICATE_KEY@", prefix.resolve("forum.key").toString()))) {
                URI secure = URI.create("https://127.0.0.1:" + httpsPort);
                URI plain = URI.create("http://127.0.0.1:" + httpPort);
                HttpClient client = HttpClient.newBuilder()
                        .sslContext(certificates.clientContext())
                        .version(HttpClient.Version.HTTP_2)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build();

                // certificate checking is on: a client trusting only the usual authorities refuses the proxy
                HttpClient untrusting = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
                assertThatThrownBy(() -> untrusting.send(HttpRequest.newBuilder(secure.resolve("/health")).build(),
                        HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLHandshakeException.class);

                // plain HTTP answers nothing but the way to HTTPS, path and query kept
                String somePage = Pages.embedPage("some-article") + "?url=x";
                HttpResponse<String> redirect = get(client, plain.resolve(somePage));
                assertThat(redirect.statusCode()).isEqualTo(301);
                assertThat(redirect.headers().firstValue("Location")).hasValue(secure + somePage);
                assertThat(get(client, plain.resolve(EventStream.path("x"))).statusCode()).isEqualTo(301);

                // the widget, as a publisher's page loads it: the script, the framed page and its assets, over HTTP/2
                String key = Api.uniqueName("tls-article-");
                String pageUrl = URLEncoder.encode("https://news.example/" + key, StandardCharsets.UTF_8);
                String framed = Pages.embedPage(key) + "?url=" + pageUrl;
                String frameScript = Pages.asset("frame/frame.js");
                for (String path : new String[]{Pages.embedScript(), framed, frameScript, Pages.asset("frame/frame.css")}) {
                    HttpResponse<String> asset = get(client, secure.resolve(path));
                    assertThat(asset.statusCode()).as(path).isEqualTo(200);
                    assertThat(asset.version()).as(path).isEqualTo(HttpClient.Version.HTTP_2);
                    assertThat(asset.headers().firstValue("Strict-Transport-Security")).as(path).hasValue(HSTS);
                }
                assertThat(get(client, secure.resolve(Pages.embedScript())).body()).contains("data-forum-article");
                assertThat(get(client, secure.resolve(framed)).body()).contains(frameScript);

                // the forum's own origin is the one readers use, https, as README's FORUM_PUBLIC_ORIGIN names it (no
                // origin is taken from the headers of a request, not even the trusted proxy's)
                Api api = new Api(secure, json, client);
                assertThat(api.anonymous().embedArticle(key, secure + "/a-page-of-the-forum").startAllowed()).isTrue();
                assertThat(api.anonymous().embedArticle(key, "http://127.0.0.1:" + httpsPort + "/a-page-of-the-forum")
                        .startAllowed()).isFalse();

                // a live thread through the proxy: each reply arrives on the open stream as it is posted
                String thread = api.newThread();
                Api.Session reader = api.newUser();
                try (EventStream stream = EventStream.open(client, secure, EventStream.path(thread)).awaitOpen()) {
                    assertThat(stream.status()).isEqualTo(200);
                    assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
                    assertThat(stream.header("Strict-Transport-Security")).isEqualTo(HSTS);
                    for (int i = 1; i <= 3; i++) {
                        String reply = api.postComment(thread, reader.token(), "Over TLS, " + i, null).expectStatus(201).path("id");
                        EventStream.Received event = stream.next();
                        assertThat(event.name()).isEqualTo("comment.created");
                        assertThat(event.data()).contains(reply, "Over TLS, " + i);
                    }
                }

                // X-Forwarded-For: each reader's address has its own registration budget (2 here), not the proxy's
                api.register(Api.uniqueName("second"), Api.PASSWORD).expectStatus(201);
                assertThat(api.register(Api.uniqueName("third"), Api.PASSWORD).status()).isEqualTo(429);
                assertThat(registerFrom("127.0.0.2", certificates, httpsPort)).startsWith("HTTP/1.1 201");
            }
        }
    }

    private static HttpResponse<String> get(HttpClient client, URI uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A registration over HTTPS from another loopback address (a Java HTTP client cannot choose its source address). */
    private String registerFrom(String source, TestCertificates certificates, int httpsPort) throws Exception {
        String body = "{\"username\":\"" + Api.uniqueName("elsewhere") + "\",\"password\":\"" + Api.PASSWORD + "\"}";
        try (SSLSocket socket = (SSLSocket) certificates.clientContext().getSocketFactory()
                .createSocket("127.0.0.1", httpsPort, InetAddress.getByName(source), 0)) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + Api.route(c -> c.register(null)).path() + " HTTP/1.1\r\nHost: 127.0.0.1:" + httpsPort + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                    + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
