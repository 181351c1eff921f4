package news.forum.browser;

import news.forum.account.RegisterRequest;
import news.forum.article.ArticleRequest;
import news.forum.article.ArticleView;
import news.forum.comment.CommentView;
import news.forum.comment.PostCommentRequest;
import news.forum.moderation.FlagRequest;
import news.forum.startup.DemoPasswords;
import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.Pages;
import news.forum.support.Response;
import news.forum.thread.LockRequest;
import news.forum.thread.ThreadModerationRequest;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A real forum server on a free port with its embedded PostgreSQL and the demo data, a publisher's site on
 * another origin that the forum allows, and helpers to drive Chromium against both and to arrange, through the
 * API, what the browser then looks at.
 */
abstract class BrowserTest extends ApiTestBase {

    static final String READER = "tariq";
    static final String OTHER_READER = "sana";
    static final String MODERATOR = "moderator";

    final PublisherSite publisher = PublisherSite.shared();

    /**
     * Chosen once for the JVM per set of settings before that set's shared server starts, so that the forum's public
     * origin can be configured with it.
     */
    private static final Map<Map<String, String>, Integer> PORTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Settings a class's server needs beyond the browser tests' own: such a set gets a server and a port of its own. */
    protected Map<String, String> browserServerProperties() {
        return Map.of();
    }

    /**
     * The forum is configured with its public origin, as a deployment behind a name is: only then may its own demo
     * pages start threads (an origin is never taken from a request's Host header).
     */
    @Override
    protected final Map<String, String> serverProperties() {
        Map<String, String> extra = browserServerProperties();
        int port = PORTS.computeIfAbsent(extra, settings -> freePort());
        Map<String, String> properties = new java.util.HashMap<>(extra);
        properties.put("forum.embed.allowed-origins", publisher.allowedOrigin());
        properties.put("micronaut.server.port", Integer.toString(port));
        properties.put("forum.embed.public-origin", "http://127.0.0.1:" + port);
        return properties;
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A name no other test uses, within the username rules. */
    static String unique(String prefix) {
        return Api.uniqueName(prefix);
    }

    /** A demo account's password, read from where the server keeps it (generated into its data directory). */
    String demoPassword(String username) {
        return bean(DemoPasswords.class).of(username);
    }

    /** The forum as the browser reaches it. */
    String forum() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** A demo publisher page on the forum's own origin for a fresh article key. */
    String demoPage(String key) {
        return forum() + Pages.demoArticle(key);
    }

    String publisherPage(String origin, String key, String extraQuery) {
        return origin + "/article?forum=" + forum() + "&key=" + key + (extraQuery == null ? "" : "&" + extraQuery);
    }

    // ---- arranging through the API

    void register(String username, String password, String displayName) {
        api.send(c -> c.register(new RegisterRequest(username, password, displayName))).expectStatus(201);
    }

    String token(String username, String password) {
        return api.login(username, password).token();
    }

    /** Creates the article (as the admin) and returns its thread's id. */
    String article(String key, String url) {
        ArticleView article = (ArticleView) api.as(api.admin()).save(key, new ArticleRequest("Article " + key, url)).body();
        return article.thread().id();
    }

    /** The article as anyone sees it; a missing one fails with the server's answer. */
    Map<String, Object> findArticle(String key) {
        return api.send(c -> c.article(key)).expectStatus(200).json();
    }

    String post(String token, String threadId, String body, String parentId) {
        return ((CommentView) api.as(token).post(threadId, new PostCommentRequest(body, parentId), null).body()).id();
    }

    /** Locks the thread with a reason (a moderator's token). */
    void lock(String token, String threadId, String reason) {
        api.as(token).lock(threadId, new LockRequest(reason, null));
    }

    /** Sets a thread's pre-moderation and slow mode, as the admin. */
    void moderateThread(String threadId, String premoderation, int slowModeSeconds) {
        api.as(api.admin()).moderation(threadId,
                new ThreadModerationRequest(premoderation, BigDecimal.valueOf(slowModeSeconds)));
    }

    void flag(String token, String commentId, String reason, String detail) {
        api.as(token).flag(commentId, new FlagRequest(reason, detail));
    }

    /** The comment as the given reader sees it (null: signed out). */
    Map<String, Object> comment(String commentId, String token) {
        Response comment = api.send(token, c -> c.comment(commentId));
        return comment.expectStatus(200).json();
    }
}
