package news.forum.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.HttpRequest;
import io.netty.util.NetUtil;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The address a request came from: the TCP peer, unless the peer is one of FORUM_TRUSTED_PROXIES. Then the
 * X-Forwarded-For list is read from the right (each proxy appends the address it saw) and the first address
 * that is not a trusted proxy is the client; what a client wrote further left is never believed. Without
 * trusted proxies the header is ignored entirely.
 */
@Singleton
public class ClientAddresses {

    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<Range> trustedProxies;

    ClientAddresses(@Value("${forum.throttle.trusted-proxies:}") String trustedProxies) {
        this.trustedProxies = parse(trustedProxies);
    }

    public InetAddress of(HttpRequest<?> request) {
        InetAddress client = request.getRemoteAddress().getAddress();
        if (!trusted(client)) {
            return client;
        }
        List<String> hops = new ArrayList<>();
        for (String header : request.getHeaders().getAll(FORWARDED_FOR)) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(hops.get(i));
            if (hop == null) {
                return client; // garbage where a proxy should have written an address: stop at the last proxy
            }
            client = hop;
            if (!trusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    /** Whether the request's TCP peer is one of the trusted proxies, whose X-Forwarded-* headers are believed. */
    public boolean fromTrustedProxy(HttpRequest<?> request) {
        return trusted(request.getRemoteAddress().getAddress());
    }

    private boolean trusted(InetAddress address) {
        for (Range range : trustedProxies) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** An IP literal, never a name to look up. */
    static InetAddress literal(String text) {
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(bare);
        if (bytes == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(bytes); // an IPv4-mapped IPv6 address comes back as IPv4
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static List<Range> parse(String setting) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : setting.split(",")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int slash = trimmed.indexOf('/');
            InetAddress base = literal(slash < 0 ? trimmed : trimmed.substring(0, slash));
            int bits = base == null ? -1 : base.getAddress().length * 8;
            int prefix = bits;
            try {
                prefix = slash < 0 ? bits : Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (base == null || prefix < 0 || prefix > bits) {
                throw new ConfigurationException("FORUM_TRUSTED_PROXIES: '" + trimmed
                        + "' is not an IP address or CIDR range (e.g. 10.0.0.5, 10.0.0.0/8, fd00::/8)");
            }
            ranges.add(new Range(base.getAddress(), prefix));
        }
        return List.copyOf(ranges);
    }

    private record Range(byte[] base, int prefix) {
        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != base.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((bytes[bit / 8] & mask) != (base[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
