package news.forum.support;

import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the server answered: status, headers, and the body both as text and as parsed JSON. Every error body is
 * scanned when it arrives: one that shows a stack trace, SQL or an internal class name fails the test that provoked
 * it, whatever that test was checking.
 */
public final class Response {

    /** What only an internal error carries: exception names, stack frames, packages, SQL and driver messages. */
    private static final List<String> LEAKS = List.of(
            "Exception", "Caused by", "\tat ", "\\tat ", "news.forum.", "io.micronaut.", "io.netty.", "org.postgresql",
            "com.zaxxer", "org.flywaydb", "java.lang", "java.sql", "java.util", "jakarta.", "SQLState", "PSQL",
            "ERROR:", "SELECT ", "INSERT INTO", "UPDATE ", "DELETE FROM", "syntax error", "relation \"", "relation \\\"", "violates ", "duplicate key");
    private static final Pattern STACK_FRAME = Pattern.compile("\\bat [a-zA-Z_$][\\w$]*(\\.[\\w$<>]+)+\\(");

    private final String method;
    private final URI uri;
    private final int status;
    private final Map<String, List<String>> headers;
    private final String body;
    private final Object json;

    Response(int status, Map<String, List<String>> headers, String body, JsonMapper mapper) {
        this(null, null, status, headers, body, mapper);
    }

    Response(String method, URI uri, int status, Map<String, List<String>> headers, String body, JsonMapper mapper) {
        this.method = method;
        this.uri = uri;
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.json = parse(body, mapper);
        if (status >= 400) {
            leak(body).ifPresent(leak -> {
                throw new AssertionError("the " + status + " response body shows internal detail (" + leak + "): " + body);
            });
        }
    }

    /** The first internal detail an error body shows, if any. */
    public static Optional<String> leak(String body) {
        if (body == null) {
            return Optional.empty();
        }
        for (String marker : LEAKS) {
            if (body.contains(marker)) {
                return Optional.of(marker.replace("\t", "\\t"));
            }
        }
        return STACK_FRAME.matcher(body).find() ? Optional.of("a stack frame") : Optional.empty();
    }

    /** The method of the request this answers. */
    public String method() {
        return method;
    }

    /** Where the request this answers went. */
    public URI uri() {
        return uri;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }

    public String header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0))
                .findFirst().orElse(null);
    }

    /** The first value of a header, if the answer has it. */
    public Optional<String> headerValue(String name) {
        return Optional.ofNullable(header(name));
    }

    /** Every value of a header, in order (none: empty). */
    public List<String> headerValues(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream())
                .toList();
    }

    /** Every header as received (names as the server wrote them). */
    public Map<String, List<String>> headers() {
        return headers;
    }

    public String contentType() {
        return header("Content-Type");
    }

    public Response expectStatus(int expected) {
        if (status != expected) {
            throw new AssertionError("expected status " + expected + " but got " + status + ": " + body);
        }
        return this;
    }

    /** A value by dotted path ({@code thread.id}), as parsed: String, Number, Boolean, Map, List or null. */
    @SuppressWarnings("unchecked")
    public <T> T path(String path) {
        Object current = json;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return (T) current;
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list(String path) {
        return (List<Map<String, Object>>) (Object) path(path);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> json() {
        return (Map<String, Object>) json;
    }

    private static Object parse(String body, JsonMapper mapper) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return mapper.readValue(body, Object.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
