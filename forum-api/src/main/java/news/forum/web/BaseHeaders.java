package news.forum.web;

import io.micronaut.http.MutableHttpResponse;

/**
 * The headers every response carries unless it sets a policy of its own: it loads nothing, is framed nowhere,
 * is never sniffed into another type, and leaks no full URL as a referrer. Applied by the server's filter and, for
 * the errors Netty reports before any filter runs (headers too large, an unreadable request line), by the problem
 * processor.
 */
public final class BaseHeaders {

    /** For anything that is not a page of its own: JSON, scripts, styles, errors. */
    public static final String DEFAULT_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private BaseHeaders() {
    }

    /** Adds what is missing; {@code framable} leaves out X-Frame-Options for the widget's page. */
    public static void apply(MutableHttpResponse<?> response, boolean framable) {
        if (!response.getHeaders().contains("Content-Security-Policy")) {
            response.header("Content-Security-Policy", DEFAULT_POLICY);
        }
        if (!framable && !response.getHeaders().contains("X-Frame-Options")) {
            // for browsers that predate frame-ancestors
            response.header("X-Frame-Options", "DENY");
        }
        if (!response.getHeaders().contains("X-Content-Type-Options")) {
            response.header("X-Content-Type-Options", "nosniff");
        }
        if (!response.getHeaders().contains("Referrer-Policy")) {
            response.header("Referrer-Policy", "strict-origin-when-cross-origin");
        }
    }
}
