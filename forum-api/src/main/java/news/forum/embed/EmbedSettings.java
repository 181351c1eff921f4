package news.forum.embed;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The publisher origins that may frame the widget, start a thread for a new article and call the API from a
 * browser (FORUM_ALLOWED_ORIGINS), and the forum's public origin (FORUM_PUBLIC_ORIGIN) when it is set. Nothing here
 * is ever taken from a request: a Host header is the client's to write, so an origin read from it would let anyone
 * start an article for any page they like.
 */
@Singleton
public class EmbedSettings {

    // configured at start; the demo publisher (FORUM_DEMO=true) adds its own loopback origin once it listens
    private volatile List<String> allowedOrigins;
    private final String publicOrigin;

    EmbedSettings(@Nullable @Value("${forum.embed.allowed-origins:}") String allowedOrigins,
                  @Nullable @Value("${forum.embed.public-origin:}") String publicOrigin) {
        this.allowedOrigins = parseList(allowedOrigins);
        this.publicOrigin = publicOrigin == null || publicOrigin.isBlank() ? null : parseOrigin(publicOrigin.strip());
    }

    /** The configured publisher origins, normalised ({@code https://news.example}), without the forum's own. */
    public List<String> allowedOrigins() {
        return allowedOrigins;
    }

    /** Allows one more publisher origin from now on: the demo publisher's, which exists only once it listens. */
    public synchronized void allowAlso(String origin) {
        String normalised = parseOrigin(origin);
        if (!allowedOrigins.contains(normalised)) {
            List<String> more = new ArrayList<>(allowedOrigins);
            more.add(normalised);
            allowedOrigins = List.copyOf(more);
        }
    }

    /** The origin readers reach the forum at (FORUM_PUBLIC_ORIGIN), when it is configured. */
    public Optional<String> publicOrigin() {
        return Optional.ofNullable(publicOrigin);
    }

    /**
     * Whether a page at this URL may start the forum's discussion of a new article: its origin is a configured
     * publisher's, or the forum's public origin when FORUM_PUBLIC_ORIGIN names it.
     */
    public boolean allows(@Nullable String url) {
        return originOf(url).map(origin -> allowedOrigins.contains(origin) || origin.equals(publicOrigin)).orElse(false);
    }

    /** The origin of an absolute http(s) URL, lower-case and without a default port. */
    public static Optional<String> originOf(@Nullable String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost();
            if (!(scheme.equals("http") || scheme.equals("https")) || host == null || host.isEmpty()) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return Optional.of(scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static List<String> parseList(@Nullable String list) {
        List<String> origins = new ArrayList<>();
        if (list == null) {
            return origins;
        }
        for (String entry : list.split(",")) {
            if (!entry.isBlank()) {
                String origin = parseOrigin(entry.strip());
                if (!origins.contains(origin)) {
                    origins.add(origin);
                }
            }
        }
        return List.copyOf(origins);
    }

    private static String parseOrigin(String entry) {
        String trimmed = entry.endsWith("/") ? entry.substring(0, entry.length() - 1) : entry;
        return originOf(trimmed)
                .filter(origin -> trimmed.equalsIgnoreCase(origin) || trimmed.toLowerCase(Locale.ROOT).startsWith(origin + ":"))
                .orElseThrow(() -> new ConfigurationException("FORUM_ALLOWED_ORIGINS / FORUM_PUBLIC_ORIGIN: '" + entry
                        + "' is not an origin such as https://news.example or http://localhost:3000"));
    }
}
