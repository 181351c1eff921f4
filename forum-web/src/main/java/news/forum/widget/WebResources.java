package news.forum.widget;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

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
