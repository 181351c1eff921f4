package news.forum.text;

import jakarta.inject.Singleton;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Comment Markdown to safe HTML. CommonMark escapes any raw HTML in the source; the OWASP policy then keeps
 * only the few elements a comment needs, links only to http, https and mailto, each marked
 * {@code rel="nofollow ugc noopener"}. The sanitiser is the guarantee; the escaping is a second wall.
 */
@Singleton
public class MarkdownRenderer {

    private static final List<Extension> EXTENSIONS =
            List.of(AutolinkExtension.create(), StrikethroughExtension.create());

    /** What a comment's HTML may hold; imported HTML passes the same policy ({@link ImportedText}). */
    static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "em", "strong", "del", "code", "pre", "blockquote", "ul", "ol", "li", "hr", "a")
            .allowAttributes("href").onElements("a")
            .allowUrlProtocols("http", "https", "mailto")
            .requireRelsOnLinks("nofollow", "ugc", "noopener")
            .allowAttributes("start").matching(Pattern.compile("[0-9]{1,6}")).onElements("ol")
            .toFactory();

    /**
     * A link element going somewhere (the renderer empties the address of a link it finds unsafe, which then leads
     * nowhere); text that looks like a tag is escaped, so only real elements match.
     */
    private static final Pattern LINK_ELEMENT = Pattern.compile("<a href=\"[^\"]");

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .softbreak("<br>\n")
            .build();

    public String render(String markdown) {
        return POLICY.sanitize(renderer.render(parser.parse(markdown))).strip();
    }

    /**
     * The links a reader gets from this Markdown: the {@code <a>} elements of its rendering, after the sanitiser,
     * so explicit links, reference links and autolinked addresses count, and a link made harmless does not.
     * Text without ']', ':', '@' or "www." can hold no link and is not rendered.
     */
    public int countLinks(String markdown) {
        if (markdown.indexOf(']') < 0 && markdown.indexOf(':') < 0 && markdown.indexOf('@') < 0
                && !markdown.toLowerCase(java.util.Locale.ROOT).contains("www.")) {
            return 0;
        }
        return (int) LINK_ELEMENT.matcher(render(markdown)).results().count();
    }
}
