package news.forum.text;

import org.nibor.autolink.LinkExtractor;
import org.nibor.autolink.LinkSpan;
import org.nibor.autolink.LinkType;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.HtmlStreamRenderer;
import org.owasp.html.PolicyFactory;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Comments moved in from another system arrive as HTML (Disqus) or as WordPress's text with inline HTML. Either
 * becomes the engine's safe HTML through the same policy as a posted comment ({@link MarkdownRenderer#POLICY}: its
 * elements only, links only to http, https and mailto, marked nofollow ugc noopener), with the source's own
 * spellings of those elements ({@code <b>}, {@code <i>}, {@code <s>}) renamed to them and bare addresses linked as
 * the source showed them. The plain text, for search and rules, is read from what the policy let through.
 * Thread-safe: every call builds its own small pipeline.
 */
public final class ImportedText {

    /** The safe HTML a reader gets, and its plain text (paragraphs apart by a blank line). */
    public record Converted(String html, String text) {
    }

    /** How the source wrote its comments. */
    public enum Format {
        /** HTML with its own paragraphs (Disqus's {@code <message>}). */
        HTML,
        /** WordPress: text whose blank lines make paragraphs and line breaks {@code <br>}, with inline HTML. */
        WORDPRESS
    }

    private static final PolicyFactory RENAMES = new HtmlPolicyBuilder()
            .allowElements((name, attributes) -> "strong", "b")
            .allowElements((name, attributes) -> "em", "i", "cite")
            .allowElements((name, attributes) -> "del", "s", "strike")
            .allowElements((name, attributes) -> "p", "div", "h1", "h2", "h3", "h4", "h5", "h6")
            .toFactory();
    private static final PolicyFactory POLICY = RENAMES.and(MarkdownRenderer.POLICY);

    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t]*\\n\\s*");
    private static final LinkExtractor LINKS = LinkExtractor.builder()
            .linkTypes(EnumSet.of(LinkType.URL, LinkType.WWW, LinkType.EMAIL)).build();
    private static final Set<String> BLOCKS = Set.of("p", "blockquote", "li", "pre", "ul", "ol", "hr");

    private ImportedText() {
    }

    public static Converted convert(String source, Format format) {
        String cleaned = cleanCharacters(source);
        String html = format == Format.WORDPRESS ? paragraphs(cleaned) : cleaned;
        StringBuilder out = new StringBuilder(html.length() + 32);
        PlainText text = new PlainText(HtmlStreamRenderer.create(out, error -> {
            throw new IllegalStateException(error);
        }, badHtml -> {
            // the policy only lets well-formed elements through; nothing to report
        }));
        HtmlSanitizer.sanitize(html, new Autolinking(POLICY.apply(text)));
        return new Converted(out.toString().strip(), text.result());
    }

    /** A single line (a name or a title): no controls, no bidi overrides, white space made single. */
    public static String line(String source) {
        String cleaned = cleanCharacters(source);
        StringBuilder line = new StringBuilder(cleaned.length());
        boolean space = false;
        for (int i = 0; i < cleaned.length(); i++) {
            char c = cleaned.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space && !line.isEmpty()) {
                    line.append(' ');
                }
                space = false;
                line.append(c);
            }
        }
        return line.toString();
    }

    /** Without controls (but line breaks and tabs) and bidi overrides; the same string when it has none (most do). */
    private static String cleanCharacters(String source) {
        int i = 0;
        while (i < source.length() && !removed(source.charAt(i))) {
            i++;
        }
        if (i == source.length()) {
            return source;
        }
        StringBuilder kept = new StringBuilder(source.length());
        kept.append(source, 0, i);
        for (; i < source.length(); i++) {
            char c = source.charAt(i);
            if (!removed(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    private static boolean removed(char c) {
        return (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    /** WordPress shows a comment through wpautop: blank lines end paragraphs, other line breaks become {@code <br>}. */
    private static String paragraphs(String text) {
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n').strip();
        StringBuilder html = new StringBuilder(normalised.length() + 16);
        for (String paragraph : BLANK_LINES.split(normalised)) {
            if (!paragraph.isBlank()) {
                html.append("<p>").append(paragraph.strip().replace("\n", "<br>")).append("</p>");
            }
        }
        return html.toString();
    }

    /**
     * Turns bare addresses in text (outside links) into links before the policy sees them, so the policy checks
     * them like any other link. Text arrives in pieces; it is joined up to the next tag.
     */
    private static final class Autolinking implements HtmlSanitizer.Policy {
        private final HtmlSanitizer.Policy next;
        private final StringBuilder pending = new StringBuilder();
        private int linkDepth;

        Autolinking(HtmlSanitizer.Policy next) {
            this.next = next;
        }

        @Override
        public void openDocument() {
            next.openDocument();
        }

        @Override
        public void closeDocument() {
            flush();
            next.closeDocument();
        }

        @Override
        public void openTag(String elementName, List<String> attributes) {
            flush();
            if (elementName.equals("a")) {
                linkDepth++;
            }
            next.openTag(elementName, attributes);
        }

        @Override
        public void closeTag(String elementName) {
            flush();
            if (elementName.equals("a") && linkDepth > 0) {
                linkDepth--;
            }
            next.closeTag(elementName);
        }

        @Override
        public void text(String text) {
            pending.append(text);
        }

        private void flush() {
            if (pending.isEmpty()) {
                return;
            }
            String text = pending.toString();
            pending.setLength(0);
            if (linkDepth > 0) {
                next.text(text);
                return;
            }
            int at = 0;
            for (LinkSpan link : LINKS.extractLinks(text)) {
                if (link.getBeginIndex() > at) {
                    next.text(text.substring(at, link.getBeginIndex()));
                }
                String shown = text.substring(link.getBeginIndex(), link.getEndIndex());
                String href = switch (link.getType()) {
                    case EMAIL -> "mailto:" + shown;
                    case WWW -> "http://" + shown;
                    default -> shown;
                };
                next.openTag("a", new ArrayList<>(List.of("href", href)));
                next.text(shown);
                next.closeTag("a");
                at = link.getEndIndex();
            }
            if (at < text.length()) {
                next.text(text.substring(at));
            }
        }
    }

    /** Passes the policy's output on to the renderer and keeps its text, paragraphs apart by a blank line. */
    private static final class PlainText implements HtmlStreamEventReceiver {
        private final HtmlStreamEventReceiver renderer;
        private final StringBuilder text = new StringBuilder();

        PlainText(HtmlStreamEventReceiver renderer) {
            this.renderer = renderer;
        }

        @Override
        public void openDocument() {
            renderer.openDocument();
        }

        @Override
        public void closeDocument() {
            renderer.closeDocument();
        }

        @Override
        public void openTag(String elementName, List<String> attributes) {
            if (BLOCKS.contains(elementName)) {
                breakParagraph();
            } else if (elementName.equals("br")) {
                trimTrailingSpaces();
                text.append('\n');
            }
            renderer.openTag(elementName, attributes);
        }

        @Override
        public void closeTag(String elementName) {
            if (BLOCKS.contains(elementName)) {
                breakParagraph();
            }
            renderer.closeTag(elementName);
        }

        @Override
        public void text(String chunk) {
            text.append(chunk);
            renderer.text(chunk);
        }

        private void breakParagraph() {
            trimTrailingSpaces();
            int length = text.length();
            if (length > 0 && !(length > 1 && text.charAt(length - 1) == '\n' && text.charAt(length - 2) == '\n')) {
                text.append(text.charAt(length - 1) == '\n' ? "\n" : "\n\n");
            }
        }

        private void trimTrailingSpaces() {
            int end = text.length();
            while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
                end--;
            }
            text.setLength(end);
        }

        /** Spaces around line breaks dropped, at most one blank line in a row. */
        String result() {
            StringBuilder clean = new StringBuilder(text.length());
            int newlines = 0;
            int pendingSpaces = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n') {
                    pendingSpaces = 0;
                    newlines++;
                } else if (c == ' ' || c == '\t') {
                    if (newlines == 0) {
                        pendingSpaces++;
                    }
                } else {
                    if (newlines > 0 && !clean.isEmpty()) {
                        clean.append(newlines > 1 ? "\n\n" : "\n");
                    } else if (pendingSpaces > 0 && !clean.isEmpty()) {
                        clean.append(" ".repeat(pendingSpaces));
                    }
                    newlines = 0;
                    pendingSpaces = 0;
                    clean.append(c);
                }
            }
            return clean.toString();
        }
    }
}
