package news.forum.widget;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Files of the widget and the pages, read once from the classpath ({@code web/...}). */
public final class WebResources {

    private WebResources() {
    }

    public static byte[] bytes(String path) {
        try (InputStream in = WebResources.class.getClassLoader().getResourceAsStream("web/" + path)) {
            if (in == null) {
                throw new IllegalStateException("web/" + path + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The path below {@code web/} of every file there ({@code frame/frame.js}), sorted: from the jar the server runs
     * from, or from the classes directory in a build.
     */
    public static List<String> paths() {
        URL anchor = WebResources.class.getClassLoader().getResource("web/embed.js");
        if (anchor == null) {
            throw new IllegalStateException("web/ is missing from the classpath");
        }
        try {
            if (anchor.openConnection() instanceof JarURLConnection connection) {
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    return sorted(jar.stream().filter(entry -> !entry.isDirectory()).map(entry -> entry.getName())
                            .filter(name -> name.startsWith("web/")).map(name -> name.substring("web/".length())));
                }
            }
            Path web = Path.of(anchor.toURI()).getParent();
            try (Stream<Path> files = Files.walk(web)) {
                return sorted(files.filter(Files::isRegularFile).map(file -> web.relativize(file).toString().replace('\\', '/')));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> sorted(Stream<String> paths) {
        return paths.sorted().toList();
    }

    public static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    /** Escapes text for an HTML element or a double-quoted attribute. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The start of a page of the forum's own, its head and the opening body tag, for light and dark. */
    public static StringBuilder pageStart(String title, String stylesheet) {
        return new StringBuilder(8192)
                .append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"color-scheme\" content=\"light dark\">\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"").append(escape(stylesheet)).append("\">\n</head>\n<body>\n");
    }

    public static MutableHttpResponse<String> html(String html, String contentSecurityPolicy) {
        return HttpResponse.ok(html)
                .contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8")
                .header("Content-Security-Policy", contentSecurityPolicy)
                .header("Cache-Control", "no-cache");
    }
}
