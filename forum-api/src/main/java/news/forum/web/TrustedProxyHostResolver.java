package news.forum.web;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.DefaultHttpHostResolver;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The origin a request was sent to ({@code https://forum.example}), as Micronaut's own code resolves it (the forum
 * takes its own origin from FORUM_PUBLIC_ORIGIN alone, never from a request). Micronaut's default believes {@code Forwarded} and {@code X-Forwarded-*} from any
 * client, so a reader could make it take another origin for the forum's; here {@code X-Forwarded-Proto} and
 * {@code X-Forwarded-Host} count only on a request from a trusted proxy (FORUM_TRUSTED_PROXIES), as
 * {@code X-Forwarded-For} does. Otherwise the scheme is the connection's and the host its {@code Host} header.
 */
@Singleton
@Replaces(DefaultHttpHostResolver.class)
final class TrustedProxyHostResolver implements HttpHostResolver {

    static final String FORWARDED_PROTO = "X-Forwarded-Proto";
    static final String FORWARDED_HOST = "X-Forwarded-Host";
    /** A host name or an IP literal, with an optional port: nothing that could carry a path or another origin. */
    private static final Pattern HOST = Pattern.compile("(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})|\\[[0-9A-Fa-f:.]{2,45}])(?::[0-9]{1,5})?");

    private final ClientAddresses proxies;
    private final BeanProvider<EmbeddedServer> server;

    TrustedProxyHostResolver(ClientAddresses proxies, BeanProvider<EmbeddedServer> server) {
        this.proxies = proxies;
        this.server = server;
    }

    @Override
    public String resolve(@Nullable HttpRequest request) {
        if (request == null) {
            return ownAddress();
        }
        boolean viaTrustedProxy = proxies.fromTrustedProxy(request);
        String scheme = request.isSecure() ? "https" : "http";
        String host = valid(request.getHeaders().get(HttpHeaders.HOST));
        if (viaTrustedProxy) {
            String forwardedProto = first(request.getHeaders().get(FORWARDED_PROTO));
            if (forwardedProto != null) {
                String proto = forwardedProto.toLowerCase(Locale.ROOT);
                if (proto.equals("https") || proto.equals("http")) {
                    scheme = proto;
                }
            }
            String forwardedHost = valid(first(request.getHeaders().get(FORWARDED_HOST)));
            if (forwardedHost != null) {
                host = forwardedHost;
            }
        }
        return host == null ? ownAddress() : scheme + "://" + host.toLowerCase(Locale.ROOT);
    }

    private String ownAddress() {
        if (!server.isPresent()) {
            return "http://localhost";
        }
        EmbeddedServer embedded = server.get();
        return embedded.getScheme() + "://" + embedded.getHost() + ":" + embedded.getPort();
    }

    /** The first of a comma-separated list: the proxy nearest the client wrote it. */
    private static String first(@Nullable String header) {
        if (header == null) {
            return null;
        }
        int comma = header.indexOf(',');
        String value = (comma < 0 ? header : header.substring(0, comma)).strip();
        return value.isEmpty() ? null : value;
    }

    private static String valid(@Nullable String host) {
        return host != null && HOST.matcher(host.strip()).matches() ? host.strip() : null;
    }
}
