package news.forum.support;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Client addresses for tests that name the client in X-Forwarded-For behind a trusted proxy (127.0.0.1): made up in
 * 198.18.0.0/15, reserved for benchmarks, and only ever written into a header, never sent any traffic.
 */
public final class MadeUpAddresses {

    private MadeUpAddresses() {
    }

    public static String next() {
        int host = ThreadLocalRandom.current().nextInt(1 << 17);
        return "198." + (18 + (host >> 16)) + "." + ((host >> 8) & 0xFF) + "." + (host & 0xFF);
    }
}
