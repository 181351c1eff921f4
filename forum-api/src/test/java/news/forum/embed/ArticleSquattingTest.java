package news.forum.embed;

import io.micronaut.context.annotation.Property;
import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.Response;
import news.forum.support.WholeDatabase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only a page of an allowed publisher origin, or of the forum's public origin when FORUM_PUBLIC_ORIGIN names it, may
 * start an article with its first reply; the request's Host header never makes an origin the forum's own; and a
 * later first reply, or one racing it, never changes the article's title or URL. A refusal is checked against the
 * whole database: the class runs alone.
 */
@WholeDatabase
@Property(name = "forum.embed.allowed-origins", value = "https://news.example")
@Property(name = "forum.embed.public-origin", value = "https://forum.example")
class ArticleSquattingTest extends ApiTestBase {

    @Test
    void aHostHeaderOrThePortTheServerListensOnMakesNoOriginTheForumsOwn() throws Exception {
        Api.Session reader = api.newUser();
        String key = Api.uniqueName("host-spoof-");
        String before = db.snapshot();

        String spoofed = raw("POST", Api.route(c -> c.postFirst(key, null, null)).path(), "evil.example", reader.token(),
                api.toJson(new FirstCommentRequest("Spoofed", "http://evil.example/phish", "First!")));
        assertThat(spoofed).startsWith("HTTP/1.1 403").contains("origin-not-allowed");
        String asked = raw("GET", Api.route(c -> c.embedArticle(key, "http://evil.example/phish")).path(),
                "evil.example", null, null);
        assertThat(asked).startsWith("HTTP/1.1 200").contains("\"startAllowed\":false");
        // the address the server actually listens on is no publisher either
        String local = api.base() + "/demo/" + key;
        assertProblem(first(key, reader, "Local", local), 403);
        assertThat(api.anonymous().embedArticle(key, local).startAllowed()).isFalse();
        for (String url : new String[]{"https://news.example.evil.example/x", "https://evil.example/https://news.example/",
                "http://news.example/x", "https://news.example:8443/x", "javascript:alert(1)", "//news.example/x"}) {
            assertProblem(first(key, reader, "Lookalike", url), 403);
        }
        assertThat(db.snapshot()).isEqualTo(before);
        assertProblem(api.send(c -> c.article(key)), 404);
    }

    @Test
    void anAllowedPublisherOrTheConfiguredPublicOriginStartsAnArticleWhoseTitleAndUrlALaterReplyNeverChanges() {
        Api.Session reader = api.newUser();
        String key = Api.uniqueName("publisher-");
        first(key, reader, "The real title", "https://news.example/" + key).expectStatus(201);
        first(key, api.newUser(), "Squatted title", "https://news.example/elsewhere").expectStatus(201);
        Response article = api.send(c -> c.article(key));
        assertThat((String) article.path("title")).isEqualTo("The real title");
        assertThat((String) article.path("url")).isEqualTo("https://news.example/" + key);
        assertThat(((Number) article.path("thread.commentCount")).intValue()).isEqualTo(2);

        String own = Api.uniqueName("forum-page-");
        first(own, reader, "On the forum's own pages", "https://forum.example/demo/" + own).expectStatus(201);
        assertThat(api.anonymous().article(own).url()).isEqualTo("https://forum.example/demo/" + own);
    }

    @Test
    void ofFirstRepliesRacingOneStartsTheArticleAndTheOthersJoinIt() throws Exception {
        for (int round = 0; round < 3; round++) {
            String key = Api.uniqueName("race-");
            List<Api.Session> readers = List.of(api.newUser(), api.newUser(), api.newUser(), api.newUser());
            ExecutorService pool = Executors.newFixedThreadPool(readers.size());
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < readers.size(); i++) {
                int n = i;
                Callable<Response> post = () -> first(key, readers.get(n), "Title " + n, "https://news.example/" + key + "/" + n);
                answers.add(pool.submit(post));
            }
            for (Future<Response> answer : answers) {
                Response response = answer.get(60, TimeUnit.SECONDS);
                assertThat(response.status()).as(response.body()).isEqualTo(201);
            }
            pool.shutdown();
            Response article = api.send(c -> c.article(key));
            String title = article.path("title");
            assertThat(title).matches("Title [0-3]");
            assertThat((String) article.path("url")).as("the URL of the same reply as the title").isEqualTo("https://news.example/" + key + "/" + title.substring(6));
            assertThat(((Number) article.path("thread.commentCount")).intValue()).isEqualTo(readers.size());
            assertThat(db.count("SELECT count(*) FROM article WHERE article_key = ?", key)).isEqualTo(1);
        }
    }

    private Response first(String key, Api.Session reader, String title, String url) {
        return api.send(reader, c -> c.postFirst(key,
                new FirstCommentRequest(title, url, "A first reply to " + key + " from " + reader.username()), null));
    }

    /** A request written by hand, for a Host header the JDK's client does not let one choose. */
    private String raw(String method, String path, String host, String token, String body) throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n"
                + "Connection: close\r\nAccept: application/json\r\n");
        if (token != null) {
            head.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
