package news.forum.widget;

import java.util.List;

/** The Content-Security-Policy of each kind of response: no inline script and no eval anywhere. */
public final class ContentSecurityPolicy {

    /** Anything that is not a page of its own (JSON, scripts, errors): it may load nothing and be framed nowhere. */
    public static final String DEFAULT = news.forum.web.BaseHeaders.DEFAULT_POLICY;

    private ContentSecurityPolicy() {
    }

    /** The widget's page: framed by the allowed publisher origins and the forum's own, talking only to the forum. */
    public static String embedPage(List<String> allowedOrigins) {
        String ancestors = allowedOrigins.isEmpty() ? "'self'" : "'self' " + String.join(" ", allowedOrigins);
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                + "base-uri 'none'; form-action 'none'; frame-ancestors " + ancestors;
    }

    /**
     * The moderator console: its own script and styles, calls to the forum's API, framed by nobody (so no other
     * page can overlay it to trick a moderator into a click), and no form posts anywhere: its script sends them.
     */
    public static String console() {
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    /**
     * A page of the forum's own (the demo publisher pages): it frames the widget and is framed by nobody; its script
     * and frame come from its own origin and the forum's public one, when configured (empty: none).
     */
    public static String page(String publicOrigin) {
        String also = publicOrigin.isEmpty() ? "" : " " + publicOrigin;
        return "default-src 'none'; script-src 'self'" + also + "; style-src 'self'; img-src 'self' data:; "
                + "frame-src 'self'" + also + "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }
}
