package news.forum.text;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever Markdown, HTML and Unicode a commenter sends, the rendered HTML, parsed as a browser parses it,
 * holds nothing executable: only the allowed elements, no event handlers or styles, links only to http,
 * https and mailto, each with rel="nofollow ugc noopener".
 */
class RendererSafetyPropertyTest {

    private static final Set<String> ALLOWED_ELEMENTS = Set.of("#root", "html", "head", "body", "p", "br", "em", "strong", "del",
            "code", "pre", "blockquote", "ul", "ol", "li", "hr", "a");
    private static final List<String> VECTORS = List.of(
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "<svg><script>alert(1)</script></svg>",
            "<iframe src=javascript:alert(1)>", "<style>*{x:expression(alert(1))}</style>", "<a href=\"javascript:alert(1)\">x</a>",
            "[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x](java\tscript:alert(1))", "[x](&#106;avascript:alert(1))",
            "[x](&#x6A;avascript&colon;alert(1))", "[x](data:text/html;base64,PHNjcmlwdD4=)", "[x](vbscript:msgbox(1))",
            "[x]( javascript:alert(1))", "<javascript:alert(1)>", "![x](javascript:alert(1))", "[x][r]\n\n[r]: javascript:alert(1)",
            "<a href=\"&#14;javascript:alert(1)\">x</a>", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<form action=javascript:alert(1)><button>x", "<object data=javascript:alert(1)>", "<embed src=javascript:alert(1)>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>", "<base href=javascript:alert(1)//>",
            "<meta http-equiv=refresh content=\"0;url=javascript:alert(1)\">", "<details open ontoggle=alert(1)>",
            "``` \n<script>alert(1)</script>\n```", "`<img src=x onerror=alert(1)>`", "<!--<img src=x onerror=alert(1)>-->",
            "<a href=\"http://ok.example\" onclick=\"alert(1)\">ok</a>", "[ok](https://ok.example \"t\\\" onmouseover=\\\"alert(1)\")",
            "<http://ok.example/\" onmouseover=\"alert(1)>", "www.example.com/\"><script>alert(1)</script>");

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Property(tries = 600)
    void nothingExecutableSurvivesRendering(@ForAll("comments") String comment) {
        Document rendered = Jsoup.parseBodyFragment(renderer.render(comment));
        for (Element element : rendered.getAllElements()) {
            String name = element.normalName();
            assertThat(ALLOWED_ELEMENTS).as("element <%s> from %s", name, comment).contains(name);
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey().toLowerCase(Locale.ROOT);
                assertThat(key).as("attribute on <%s> from %s", name, comment).isIn("href", "rel", "start");
                if (key.equals("href")) {
                    assertThat(scheme(attribute.getValue())).as("link %s from %s", attribute.getValue(), comment)
                            .isIn("http", "https", "mailto", "");
                }
            }
            if (name.equals("a") && element.hasAttr("href")) {
                assertThat(element.attr("rel").split(" ")).containsExactlyInAnyOrder("nofollow", "ugc", "noopener");
            }
        }
    }

    /**
     * The scheme a browser would use: what comes before the first ':' unless a '/', '?' or '#' comes first
     * (then the link is relative). Browsers drop tabs, newlines and leading control characters and spaces first.
     */
    private static String scheme(String href) {
        String cleaned = href.replaceAll("[\\t\\n\\r]", "").replaceAll("^[\\x00-\\x20]+", "").toLowerCase(Locale.ROOT);
        for (int i = 0; i < cleaned.length(); i++) {
            char c = cleaned.charAt(i);
            if (c == ':') {
                return cleaned.substring(0, i);
            }
            if (c == '/' || c == '?' || c == '#') {
                return "";
            }
        }
        return "";
    }

    @Provide
    Arbitrary<String> comments() {
        Arbitrary<String> vector = Arbitraries.of(VECTORS);
        Arbitrary<String> markdown = Arbitraries.of("**", "_", "`", "```\n", "> ", "- ", "1. ", "[", "](", ")", "<", ">",
                "&", "&#", ";", "\"", "'", "=", "\n\n", "\\", "http://", "https://", "mailto:", "javascript:", "on", "href",
                "src", "<a ", "<img ", "</", "/>", " ");
        Arbitrary<String> unicode = Arbitraries.strings().withCharRange('\u0000', '\uFFFF').ofMaxLength(12);
        Arbitrary<String> piece = Arbitraries.oneOf(vector, markdown, unicode);
        return piece.list().ofMinSize(1).ofMaxSize(12).map(pieces -> String.join("", pieces));
    }
}
