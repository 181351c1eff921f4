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
 * The forum's own origin, whose pages may start a thread, is FORUM_PUBLIC_ORIGIN (here https://forum.example) and
 * nothing a request says: no Host, X-Forwarded-Proto, X-Forwarded-Host or Forwarded header makes another origin the
 * forum's own or takes the configured one away, whether a reader forged it or the trusted proxy (127.0.0.2) passed it
 * on, as nginx passes on whatever Host a reader sent. Raw sockets, because a Java HTTP client neither binds a source
 * address nor sets Host.
 */
@Property(name = "forum.throttle.trusted-proxies", value = "127.0.0.2")
@Property(name = "forum.embed.public-origin", value = "https://forum.example")
class ForwardedOriginTest extends ApiTestBase {

    private static final String PROXY = "127.0.0.2";
    private static final String READER = "127.0.0.1";

    @Test
    void theConfiguredOriginStartsThreadsWhateverTheHeadersSay() throws IOException {
        for (String from : new String[]{PROXY, READER}) {
            assertThat(startAllowed(from, "https://forum.example/article", "Host: forum.example", "X-Forwarded-Proto: https"))
                    .as(from).isTrue();
            assertThat(startAllowed(from, "https://forum.example/article", "Host: 127.0.0.1:" + server.getPort()))
                    .as(from).isTrue();
            assertThat(startAllowed(from, "https://forum.example/article", "Host: evil.example",
                    "X-Forwarded-Host: evil.example", "X-Forwarded-Proto: http")).as(from).isTrue();
        }
    }

    @Test
    void noHeaderFromAReaderOrTheTrustedProxyMakesAnotherOriginTheForumsOwn() throws IOException {
        String listening = "http://127.0.0.1:" + server.getPort();
        for (String from : new String[]{PROXY, READER}) {
            assertThat(startAllowed(from, "http://forum.example/article", "Host: forum.example", "X-Forwarded-Proto: http"))
                    .as(from + ": the configured scheme, not the proxy's").isFalse();
            assertThat(startAllowed(from, "https://evil.example/article", "Host: evil.example")).as(from).isFalse();
            assertThat(startAllowed(from, "https://evil.example/article", "Host: forum.example",
                    "X-Forwarded-Host: evil.example", "X-Forwarded-Proto: https")).as(from).isFalse();
            assertThat(startAllowed(from, "https://evil.example/article", "Host: forum.example",
                    "Forwarded: proto=https;host=evil.example")).as(from + ": RFC 7239 Forwarded").isFalse();
            assertThat(startAllowed(from, listening + "/article", "Host: 127.0.0.1:" + server.getPort()))
                    .as(from + ": the address the server listens on").isFalse();
            assertThat(startAllowed(from, "https://evil.example/article", "Host: forum.example",
                    "X-Forwarded-Proto: https", "X-Forwarded-Host: evil.example/path@x")).as(from).isFalse();
        }
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
