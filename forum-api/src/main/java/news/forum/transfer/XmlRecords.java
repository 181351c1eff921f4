package news.forum.transfer;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A StAX reader over an export, one element at a time (memory stays bounded whatever the file's size), with what the
 * two XML readers share: text of simple elements, skipping, and errors that say where and what was expected. No DTD
 * and no external entity is ever read (an export is untrusted input).
 */
abstract class XmlRecords {

    private static final XMLInputFactory FACTORY = factory();
    private static final DateTimeFormatter WORDPRESS_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    protected final XMLStreamReader xml;

    protected XmlRecords(InputStream in) {
        try {
            this.xml = FACTORY.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    /** Reads the whole file, handing each record on as soon as it is complete. */
    abstract void read(Source.Sink sink);

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** Moves to the next start or end tag; text and comments between elements are passed over. */
    protected int nextTag() {
        try {
            while (true) {
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT, XMLStreamConstants.END_DOCUMENT:
                        return event;
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE:
                        if (!xml.isWhiteSpace() && !xml.getText().isBlank()) {
                            throw expected("an element, not text");
                        }
                        break;
                    default:
                        break;
                }
            }
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    /** Moves to the root element and checks its name. */
    protected void root(String localName, String what) {
        int event = nextTag();
        if (event != XMLStreamConstants.START_ELEMENT || !xml.getLocalName().equals(localName)) {
            throw expected("<" + localName + "> (" + what + ")");
        }
    }

    /** The text of an element that holds only text (CDATA included); leaves the reader on its end tag. */
    protected String text() {
        try {
            return xml.getElementText();
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    /** Passes over the current element and all it holds. */
    protected void skip() {
        int depth = 1;
        while (depth > 0) {
            int event = nextTagOrText();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw expected("the end of <" + xml.getLocalName() + ">");
            }
        }
    }

    private int nextTagOrText() {
        try {
            return xml.next();
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    protected boolean bool(String text) {
        return switch (text.strip()) {
            case "true", "1" -> true;
            case "false", "0", "" -> false;
            default -> throw expected("true or false, not '" + text.strip() + "'");
        };
    }

    protected Instant isoInstant(String text) {
        String trimmed = text.strip();
        Instant fast = plainUtc(trimmed);
        if (fast != null) {
            return fast;
        }
        try {
            return java.time.OffsetDateTime.parse(trimmed).toInstant();
        } catch (DateTimeParseException e) {
            throw expected("a time like 2012-07-13T10:00:00Z, not '" + text.strip() + "'");
        }
    }

    /** "2012-07-13T10:00:00Z", as exports write every time, without the general parser's cost; null for any other form. */
    private static Instant plainUtc(String text) {
        if (text.length() != 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != 'Z') {
            return null;
        }
        try {
            return LocalDateTime.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10), digits(text, 11, 13),
                    digits(text, 14, 16), digits(text, 17, 19)).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** WordPress's "2012-07-13 10:00:00"; null for its "0000-00-00 00:00:00" (no date). */
    protected Instant wordPressInstant(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("0000-00-00")) {
            return null;
        }
        try {
            return LocalDateTime.parse(trimmed, WORDPRESS_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw expected("a time like 2012-07-13 10:00:00, not '" + trimmed + "'");
        }
    }

    protected MalformedFile expected(String what) {
        Location at = xml.getLocation();
        return new MalformedFile(at.getLineNumber(), at.getColumnNumber(), "expected " + what);
    }

    private static MalformedFile malformed(XMLStreamException e) {
        Location at = e.getLocation();
        String message = e.getMessage() == null ? "well-formed XML" : e.getMessage();
        int said = message.indexOf("Message: ");
        if (said >= 0) {
            message = message.substring(said + "Message: ".length());
        }
        return new MalformedFile(at == null ? -1 : at.getLineNumber(), at == null ? -1 : at.getColumnNumber(),
                "expected well-formed XML: " + message.strip());
    }
}
