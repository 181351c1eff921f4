package news.forum.support;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP request one call of an *Operations method stands for, read from the same annotations the server routes
 * by: the method and path template of {@code @Get}, {@code @Post} and the rest, path variables filled in (each
 * percent-encoded, so any text arrives as that text), query values, headers and the body.
 */
public record Route(String method, String template, String path, Map<String, String> headers, Object body,
                    boolean takesBody, Type returnType) {

    /** {name}, or {+name} for a value that may hold slashes (each segment between them encoded on its own). */
    private static final Pattern VARIABLE = Pattern.compile("\\{(\\+?)([A-Za-z0-9_]+)}");

    /** The request of {@code method} called with {@code arguments}. */
    public static Route of(Method method, Object[] arguments) {
        String[] verb = verb(method);
        Map<String, String> variables = new LinkedHashMap<>();
        StringBuilder query = new StringBuilder();
        Map<String, String> headers = new LinkedHashMap<>();
        Object body = null;
        boolean takesBody = false;
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            Parameter parameter = parameters[i];
            Object argument = arguments == null ? null : arguments[i];
            if (parameter.isAnnotationPresent(Body.class)) {
                takesBody = true;
                body = argument;
            } else if (parameter.isAnnotationPresent(PathVariable.class)) {
                PathVariable variable = parameter.getAnnotation(PathVariable.class);
                variables.put(name(parameter, variable.value(), variable.name()), argument == null ? null : argument.toString());
            } else if (parameter.isAnnotationPresent(QueryValue.class)) {
                if (argument != null) {
                    query.append(query.isEmpty() ? '?' : '&')
                            .append(name(parameter, parameter.getAnnotation(QueryValue.class).value(), ""))
                            .append('=').append(URLEncoder.encode(argument.toString(), StandardCharsets.UTF_8));
                }
            } else if (parameter.isAnnotationPresent(Header.class)) {
                Header header = parameter.getAnnotation(Header.class);
                if (argument != null) {
                    headers.put(name(parameter, header.value(), header.name()), argument.toString());
                }
            } else {
                throw new IllegalStateException(method + ": parameter " + parameter.getName() + " is bound to nothing");
            }
        }
        return new Route(verb[0], verb[1], expand(verb[1], variables) + query, headers, body, takesBody,
                method.getGenericReturnType());
    }

    /** The template with each variable percent-encoded as one path segment (a null stays the empty string). */
    public static String expand(String template, Map<String, String> variables) {
        Matcher matcher = VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(2);
            if (!variables.containsKey(name)) {
                throw new IllegalArgumentException(template + ": no value for {" + name + "}");
            }
            String value = variables.get(name);
            String encoded = value == null ? ""
                    : matcher.group(1).isEmpty() ? segment(value)
                    : String.join("/", java.util.Arrays.stream(value.split("/", -1)).map(Route::segment).toList());
            matcher.appendReplacement(path, Matcher.quoteReplacement(encoded));
        }
        return matcher.appendTail(path).toString();
    }

    /** RFC 3986: every byte but the unreserved characters percent-encoded. */
    static String segment(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }

    /** The HTTP method and path template of a route method; the other methods of an interface are no routes. */
    static String[] verb(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            String template = null;
            if (annotation instanceof Get get) {
                template = first(get.value(), get.uri());
            } else if (annotation instanceof Post post) {
                template = first(post.value(), post.uri());
            } else if (annotation instanceof Put put) {
                template = first(put.value(), put.uri());
            } else if (annotation instanceof Patch patch) {
                template = first(patch.value(), patch.uri());
            } else if (annotation instanceof Delete delete) {
                template = first(delete.value(), delete.uri());
            }
            if (template != null) {
                return new String[]{annotation.annotationType().getSimpleName().toUpperCase(java.util.Locale.ROOT), template};
            }
        }
        throw new IllegalArgumentException(method + " is no route");
    }

    private static String first(String value, String uri) {
        return !"/".equals(value) && !value.isEmpty() ? value : uri;
    }

    private static String name(Parameter parameter, String value, String alias) {
        return !value.isEmpty() ? value : !alias.isEmpty() ? alias : parameter.getName();
    }
}
