package news.forum.demo;

import news.forum.support.ApiTestBase;
import news.forum.support.Pages;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without FORUM_PUBLIC_ORIGIN the demo pages load the widget from their own origin by path, whatever Host header a
 * request carries (a shared cache would otherwise keep a page pointing at the attacker's script), and their pages
 * for new keys name the demo publisher's address, which starts no thread unless it is allowed.
 */
class DemoPageOriginTest extends ApiTestBase {

    @Test
    void aForgedHostHeaderNeverReachesThePage() throws IOException {
        String newKey = Pages.demoArticle("some-new-key");
        for (String path : new String[]{Pages.seedArticle(), Pages.demoArticle(DemoArticles.OPEN_KEY), newKey}) {
            String page = get(path, "evil.example");
            assertThat(page).as(path).startsWith("HTTP/1.1 200")
                    .contains("\n<script src=\"" + Pages.embedScript() + "\" async></script>\n")
                    .doesNotContain("evil.example");
            assertThat(header(page, "Content-Security-Policy")).as(path)
                    .contains("script-src 'self';", "frame-src 'self';");
        }
        assertThat(get(newKey, "evil.example")).contains("data-forum-url=\"https://news.example" + newKey + "\"");
    }

    private String get(String path, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host
                    + "\r\nAccept: */*\r\nX-Forwarded-Host: evil.example\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String header(String response, String name) {
        for (String line : response.substring(0, response.indexOf("\r\n\r\n")).split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return "";
    }
}
