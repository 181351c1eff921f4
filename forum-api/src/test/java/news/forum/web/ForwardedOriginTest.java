package news.forum.web;

import io.micronaut.context.annotation.Property;
import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forum's own origin (a page there may start a thread) comes from X-Forwarded-Proto and X-Forwarded-Host only
 * when a trusted proxy sent them. The trusted proxy here is 127.0.0.2; the test's requests from 127.0.0.1 play a
 * reader who forges the headers. Raw sockets, because a Java HTTP client neither binds a source address nor sets Host.
 */
@Property(name = "forum.throttle.trusted-proxies", value = "127.0.0.2")
class ForwardedOriginTest extends ApiTestBase {

    private static final String PROXY = "127.0.0.2";
    private static final String READER = "127.0.0.1";

    @Test
    void aTrustedProxysForwardedProtoAndHostMakeTheOriginThePagesOfWhichMayStartAThread() throws IOException {
        assertThat(startAllowed(PROXY, "https://forum.example/article", "Host: forum.example", "X-Forwarded-Proto: https"))
                .isTrue();
        assertThat(startAllowed(PROXY, "http://forum.example/article", "Host: forum.example", "X-Forwarded-Proto: https"))
                .as("the scheme the proxy named, not the connection's").isFalse();
        assertThat(startAllowed(PROXY, "https://forum.example/article", "Host: 127.0.0.1",
                "X-Forwarded-Host: forum.example", "X-Forwarded-Proto: https")).isTrue();
        assertThat(startAllowed(PROXY, "http://forum.example/article", "Host: forum.example")).as("no proto: the connection's").isTrue();
    }

    @Test
    void aReaderWhoForgesTheHeadersGetsTheOriginHeReallyUsed() throws IOException {
        String own = "http://127.0.0.1:" + server.getPort();
        assertThat(startAllowed(READER, "https://forum.example/article", "Host: 127.0.0.1:" + server.getPort(),
                "X-Forwarded-Proto: https", "X-Forwarded-Host: forum.example")).isFalse();
        assertThat(startAllowed(READER, "https://127.0.0.1:" + server.getPort() + "/article", "Host: 127.0.0.1:" + server.getPort(),
                "X-Forwarded-Proto: https")).isFalse();
        assertThat(startAllowed(READER, "https://forum.example/article", "Host: 127.0.0.1:" + server.getPort(),
                "Forwarded: proto=https;host=forum.example")).as("RFC 7239 Forwarded, believed by Micronaut's default").isFalse();
        assertThat(startAllowed(READER, own + "/article", "Host: 127.0.0.1:" + server.getPort(),
                "X-Forwarded-Proto: https", "X-Forwarded-Host: forum.example")).isTrue();
    }

    @Test
    void aHostThatIsNoHostNamesNoOrigin() throws IOException {
        assertThat(startAllowed(PROXY, "https://evil.example/article", "Host: forum.example",
                "X-Forwarded-Proto: https", "X-Forwarded-Host: evil.example/path@x")).isFalse();
        assertThat(startAllowed(PROXY, "https://forum.example/article", "Host: forum.example",
                "X-Forwarded-Proto: javascript")).isFalse();
    }

    /** The embed's article of a new key for this page, asked from the given source address with these header lines. */
    private boolean startAllowed(String from, String pageUrl, String... headerLines) throws IOException {
        String key = Api.uniqueName("origin-");
        String path = Api.route(c -> c.embedArticle(key, pageUrl)).path();
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        request.append("Accept: application/json\r\nConnection: close\r\n\r\n");
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), server.getPort(), InetAddress.getByName(from), 0)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).as(response).startsWith("HTTP/1.1 200");
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);
            assertThat(body).containsPattern("\"startAllowed\":(true|false)");
            return body.contains("\"startAllowed\":true");
        }
    }
}
