package news.forum.support;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import news.forum.account.LoginRequest;
import news.forum.account.RegisterRequest;
import news.forum.account.Role;
import news.forum.account.RoleRequest;
import news.forum.account.TokenResponse;
import news.forum.article.ArticleRequest;
import news.forum.comment.PostCommentRequest;
import org.reactivestreams.Publisher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * A client of the running server, as a browser or a publisher's backend would be: plain HTTP and JSON, no shortcut
 * into the application. Its routes are the {@link ForumClient}'s, read from the *Operations interfaces:
 * <ul>
 * <li>{@code api.as(token).post(thread, request, null)}: the typed client; an error status fails the test with the
 *     response, so a test reads on only when the server answered as it expects.</li>
 * <li>{@code api.send(token, c -> c.post(thread, request, null))}: the same request, and whatever the server answered
 *     ({@link Response}: status, headers, the body as text and as JSON).</li>
 * <li>{@code api.call(c -> ...).body("{not json").send()}: the same, with the request bent out of shape first (another
 *     body, content type, header or method), as a hostile client would.</li>
 * </ul>
 * Every error body is scanned for internal detail as it arrives ({@link Response}).
 */
public final class Api {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password-2026";
    public static final String PASSWORD = "a long enough passphrase 42";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    /** Signing in costs an Argon2 check on the server: the admin's session is reused while its token is fresh. */
    private static final Map<URI, SignedIn> ADMIN_SESSIONS = new ConcurrentHashMap<>();
    private static final Duration ADMIN_SESSION_REUSE = Duration.ofMinutes(10);

    private final URI base;
    private final JsonMapper json;
    private final HttpClient http;

    public Api(EmbeddedServer server, JsonMapper json) {
        this(URI.create("http://127.0.0.1:" + server.getPort()), json);
    }

    /** For a server running in another process. */
    public Api(URI base, JsonMapper json) {
        this(base, json, HTTP);
    }

    /** Through a client of the test's own making (one that trusts a test certificate authority, say). */
    public Api(URI base, JsonMapper json, HttpClient http) {
        this.base = base;
        this.json = json;
        this.http = http;
    }

    public URI base() {
        return base;
    }

    /** A signed-in account. */
    public record Session(String id, String username, String token, String refreshToken) {
    }

    // ---- the typed client

    /** The typed client, with this access token (null: anonymous). Error statuses fail with the response. */
    public ForumClient as(@Nullable String token) {
        return proxy((method, route) -> typed(method, route, new Call(route).token(token).send()));
    }

    public ForumClient as(Session session) {
        return as(session.token());
    }

    public ForumClient anonymous() {
        return as((String) null);
    }

    /** The request a call stands for, sent with this access token (null: anonymous); any status comes back. */
    public Response send(@Nullable String token, Consumer<ForumClient> call) {
        return call(call).token(token).send();
    }

    /** The request a call stands for, sent anonymously. */
    public Response send(Consumer<ForumClient> call) {
        return send((String) null, call);
    }

    public Response send(Session session, Consumer<ForumClient> call) {
        return send(session.token(), call);
    }

    /** The request a call stands for, to be bent before it is sent. */
    public Call call(Consumer<ForumClient> call) {
        return new Call(route(call));
    }

    /** The request one call of the typed client stands for, unsent. */
    public static Route route(Consumer<ForumClient> call) {
        return route(ForumClient.class, call);
    }

    /** The request one call of any *Operations interface stands for (the server's pages have their own), unsent. */
    public static <T> Route route(Class<T> operations, Consumer<T> call) {
        Route[] recorded = new Route[1];
        T recorder = operations.cast(Proxy.newProxyInstance(operations.getClassLoader(), new Class<?>[]{operations},
                (proxy, method, arguments) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.invoke(new Object(), arguments);
                    }
                    recorded[0] = Route.of(method, arguments);
                    return null;
                }));
        call.accept(recorder);
        if (recorded[0] == null) {
            throw new IllegalArgumentException("the call made no request of the client");
        }
        return recorded[0];
    }

    /** A route of any *Operations interface, to be bent before it is sent. */
    public <T> Call call(Class<T> operations, Consumer<T> call) {
        return new Call(route(operations, call));
    }

    /** Where a route of any *Operations interface is on this server (for a browser). */
    public <T> URI uri(Class<T> operations, Consumer<T> call) {
        return base.resolve(route(operations, call).path());
    }

    /** Where a call of the typed client goes, on this server (for an event stream or a browser). */
    public URI uri(Consumer<ForumClient> call) {
        return base.resolve(route(call).path());
    }

    /** One request on its way: a route of the typed client, with whatever a test changes about it. */
    public final class Call {

        private final Route route;
        private String method;
        private String token;
        private String contentType;
        private String body;
        private final List<String> headers = new ArrayList<>();
        private final StringBuilder extraQuery = new StringBuilder();

        Call(Route route) {
            this.route = route;
            this.method = route.method();
            route.headers().forEach((name, value) -> headers.addAll(List.of(name, value)));
            if (route.takesBody() && route.body() != null) {
                body = toJson(route.body());
                contentType = "application/json";
            }
        }

        public Call token(@Nullable String accessToken) {
            this.token = accessToken;
            return this;
        }

        public Call as(Session session) {
            return token(session.token());
        }

        /** Another body instead of the typed one: a String is sent as it is, anything else as its JSON. */
        public Call body(Object replacement) {
            this.body = toJson(replacement);
            if (contentType == null) {
                contentType = "application/json";
            }
            return this;
        }

        /** No body and no content type at all. */
        public Call noBody() {
            this.body = null;
            this.contentType = null;
            return this;
        }

        public Call contentType(@Nullable String type) {
            this.contentType = type;
            return this;
        }

        public Call header(String name, String value) {
            headers.addAll(List.of(name, value));
            return this;
        }

        /** More headers, as name, value pairs. */
        public Call headers(String... namesAndValues) {
            headers.addAll(List.of(namesAndValues));
            return this;
        }

        /** The route's path with another method, to see what the server makes of it. */
        public Call method(String otherMethod) {
            this.method = otherMethod;
            return this;
        }

        /** One more query parameter, one the route does not declare (e.g. padding, to see what the server makes of it). */
        public Call query(String name, String value) {
            extraQuery.append(route.path().contains("?") || !extraQuery.isEmpty() ? '&' : '?')
                    .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            return this;
        }

        public String path() {
            return route.path() + extraQuery;
        }

        public Response send() {
            return Api.this.send(method, path(), token, contentType, body, headers.toArray(String[]::new));
        }
    }

    // ---- raw HTTP, for what is no route of ours (unknown paths, health, static files)

    public Response get(String path) {
        return send("GET", path, null, null, null);
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    /** Extra headers come as name, value pairs. */
    public Response send(String method, String path, String token, String contentType, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return exchange(request.build());
    }

    /** A body of raw bytes, for bytes no String can carry (broken UTF-8). */
    public Response sendBytes(String method, String path, String token, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return exchange(request.build());
    }

    private Response exchange(HttpRequest request) {
        try {
            java.net.http.HttpResponse<String> response = http.send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Response(request.method(), response.uri(), response.statusCode(), response.headers().map(),
                    response.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri().getPath(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String toJson(Object body) {
        try {
            return body instanceof String s ? s : json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON body read as the type a route declares. */
    public <T> T read(Response response, Argument<T> type) {
        try {
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- flows every test needs

    public static String uniqueName(String prefix) {
        return prefix + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
    }

    public Response register(String username, String password) {
        return send(c -> c.register(new RegisterRequest(username, password, null)));
    }

    public Session login(String username, String password) {
        TokenResponse login = anonymous().login(new LoginRequest(username, password)).body();
        return new Session(login.account().id(), login.account().username(), login.accessToken(), login.refreshToken());
    }

    /** A new USER account, signed in. */
    public Session newUser() {
        String name = uniqueName("u");
        register(name, PASSWORD).expectStatus(201);
        return login(name, PASSWORD);
    }

    /** The admin, signed in (a session reused for a while: each sign-in costs the server a password check). */
    public Session admin() {
        SignedIn admin = ADMIN_SESSIONS.get(base);
        if (admin == null || Instant.now().isAfter(admin.at().plus(ADMIN_SESSION_REUSE))) {
            admin = new SignedIn(login(ADMIN, ADMIN_PASSWORD), Instant.now());
            ADMIN_SESSIONS.put(base, admin);
        }
        return admin.session();
    }

    private record SignedIn(Session session, Instant at) {
    }

    /** A new account promoted to MODERATOR by the admin, signed in. */
    public Session newModerator() {
        Session user = newUser();
        as(admin()).changeRole(user.username(), new RoleRequest(Role.MODERATOR));
        return user;
    }

    /** A new article and its thread; returns the thread id. */
    public String newThread() {
        String key = uniqueName("article-");
        HttpResponse<?> article = as(admin()).save(key, new ArticleRequest("Article " + key, "https://news.example/" + key));
        if (article.code() != 201) {
            throw new AssertionError("expected a new article, got " + article.code());
        }
        return ((news.forum.article.ArticleView) article.body()).thread().id();
    }

    public Response postComment(String threadId, String token, String body, String parentId) {
        return send(token, c -> c.post(threadId, new PostCommentRequest(body, parentId), null));
    }

    /** Every comment of a thread, read page by page in the given sort. */
    public List<Map<String, Object>> readAll(String threadId, String sort, int limit) {
        List<Map<String, Object>> all = new ArrayList<>();
        String after = null;
        do {
            String cursor = after;
            Response page = send(c -> c.page(threadId, sort, Integer.toString(limit), cursor));
            page.expectStatus(200);
            all.addAll(page.list("comments"));
            after = page.path("next");
        } while (after != null);
        return all;
    }

    // ---- the typed client's workings

    private interface Sender {
        Object send(Method method, Route route);
    }

    private ForumClient proxy(Sender sender) {
        InvocationHandler handler = (proxy, method, arguments) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> "ForumClient(" + base + ")";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == arguments[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                };
            }
            return sender.send(method, Route.of(method, arguments));
        };
        return (ForumClient) Proxy.newProxyInstance(ForumClient.class.getClassLoader(), new Class<?>[]{ForumClient.class},
                handler);
    }

    /** The answer as the route's declared type; an error status is a failed test, with what the server said. */
    private Object typed(Method method, Route route, Response response) {
        if (response.status() >= 400) {
            throw new UnexpectedStatus(route, response);
        }
        Type type = method.getGenericReturnType();
        Class<?> raw = rawClass(type);
        if (raw == void.class || raw == Void.class) {
            return null;
        }
        if (Publisher.class.isAssignableFrom(raw)) {
            throw new UnsupportedOperationException(route.template() + " is a stream: read it with EventStream");
        }
        if (HttpResponse.class.isAssignableFrom(raw)) {
            MutableHttpResponse<Object> answer = HttpResponse.status(HttpStatus.valueOf(response.status()));
            // over HTTP/2 the client reports the pseudo-header :status among the headers; it is no header of the answer
            response.headers().entrySet().stream().filter(header -> !header.getKey().startsWith(":"))
                    .forEach(header -> header.getValue().forEach(value -> answer.getHeaders().add(header.getKey(), value)));
            Type bodyType = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
            if (rawClass(bodyType) != Void.class && response.body() != null && !response.body().isEmpty()) {
                answer.body(read(response, argument(bodyType)));
            }
            return answer;
        }
        if (raw == byte[].class) {
            return response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        return read(response, argument(type));
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static Argument<?> argument(Type type) {
        if (type instanceof ParameterizedType p) {
            Type[] parameters = p.getActualTypeArguments();
            Argument<?>[] arguments = new Argument<?>[parameters.length];
            for (int i = 0; i < parameters.length; i++) {
                arguments[i] = argument(parameters[i]);
            }
            return Argument.of(rawClass(p), arguments);
        }
        return Argument.of(rawClass(type));
    }

    /** The typed client got an answer its caller did not expect. */
    public static final class UnexpectedStatus extends AssertionError {

        private final transient Response response;

        UnexpectedStatus(Route route, Response response) {
            super(route.method() + " " + route.path() + " answered " + response);
            this.response = response;
        }

        public Response response() {
            return response;
        }
    }
}
