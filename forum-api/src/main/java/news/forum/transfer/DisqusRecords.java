package news.forum.transfer;

import javax.xml.stream.XMLStreamConstants;
import java.io.InputStream;
import java.time.Instant;

/**
 * Disqus's export: {@code <thread dsq:id>} elements (identifier {@code <id>}, {@code <link>}, {@code <title>},
 * {@code <isClosed>}, {@code <isDeleted>}) and {@code <post dsq:id>} elements ({@code <thread dsq:id>}, {@code <parent
 * dsq:id>}, {@code <message>} HTML, {@code <createdAt>}, {@code <author>}, {@code <isDeleted>}, {@code <isSpam>}).
 */
final class DisqusRecords extends XmlRecords {

    static final String INTERNALS = "http://disqus.com/disqus-internals";

    DisqusRecords(InputStream in) {
        super(in);
    }

    @Override
    void read(Source.Sink sink) {
        root("disqus", "a Disqus export");
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (xml.getLocalName()) {
                case "thread" -> sink.thread(thread());
                case "post" -> sink.post(post());
                default -> skip();
            }
        }
        if (!xml.getLocalName().equals("disqus")) {
            throw expected("</disqus>");
        }
    }

    private String dsqId(String element) {
        String id = xml.getAttributeValue(INTERNALS, "id");
        if (id == null || id.isBlank()) {
            throw expected("a dsq:id attribute on <" + element + ">");
        }
        return id.strip();
    }

    private Source.Thread thread() {
        String id = dsqId("thread");
        String identifier = null;
        String link = null;
        String title = null;
        boolean closed = false;
        boolean deleted = false;
        Instant createdAt = null;
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (xml.getLocalName()) {
                case "id" -> identifier = text();
                case "link" -> link = text();
                case "title" -> title = text();
                case "isClosed" -> closed = bool(text());
                case "isDeleted" -> deleted = bool(text());
                case "createdAt" -> createdAt = isoInstant(text());
                default -> skip();
            }
        }
        return new Source.Thread(id, identifier, link, title, closed, deleted, createdAt);
    }

    private Source.Post post() {
        String id = dsqId("post");
        String thread = null;
        String parent = null;
        String message = "";
        Instant createdAt = null;
        boolean deleted = false;
        boolean spam = false;
        Source.Author author = null;
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (xml.getLocalName()) {
                case "thread" -> {
                    thread = dsqId("thread");
                    skip();
                }
                case "parent" -> {
                    parent = dsqId("parent");
                    skip();
                }
                case "message" -> message = text();
                case "createdAt" -> createdAt = isoInstant(text());
                case "isDeleted" -> deleted = bool(text());
                case "isSpam" -> spam = bool(text());
                case "author" -> author = author();
                default -> skip();
            }
        }
        if (thread == null) {
            throw expected("<thread dsq:id=\"...\"/> in post " + id);
        }
        if (createdAt == null) {
            throw expected("<createdAt> in post " + id);
        }
        if (author == null) {
            author = new Source.Author(null, "guest", "Guest", null);
        }
        Source.State state = spam ? Source.State.SPAM : deleted ? Source.State.DELETED : Source.State.PUBLISHED;
        return new Source.Post(id, thread, parent, message, createdAt, state, author);
    }

    private Source.Author author() {
        String name = "";
        String email = null;
        String username = null;
        boolean anonymous = false;
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (xml.getLocalName()) {
                case "name" -> name = text();
                case "email" -> email = text();
                case "username" -> username = text();
                case "isAnonymous" -> anonymous = bool(text());
                default -> skip();
            }
        }
        email = email == null || email.isBlank() ? null : email.strip();
        username = username == null || username.isBlank() ? null : username.strip();
        String shown = name.isBlank() ? (username == null ? "Guest" : username) : name;
        if (anonymous || (username == null && email == null)) {
            return new Source.Author(null, shown, shown, null);
        }
        String identity = username != null ? "username:" + username : "email:" + email.toLowerCase(java.util.Locale.ROOT);
        return new Source.Author(identity, username != null ? username : shown, shown, email);
    }
}
