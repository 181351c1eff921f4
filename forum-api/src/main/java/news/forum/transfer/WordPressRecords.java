package news.forum.transfer;

import javax.xml.stream.XMLStreamConstants;
import java.io.InputStream;
import java.time.Instant;
import java.util.Locale;

/**
 * WordPress's export (WXR 1.2): each {@code <item>} (its {@code <link>}, {@code <title>}, {@code <wp:post_id>},
 * {@code <wp:comment_status>}) with its {@code <wp:comment>} elements ({@code wp:comment_id}, {@code
 * wp:comment_parent}, {@code wp:comment_author}, {@code wp:comment_author_email}, {@code wp:comment_date_gmt},
 * {@code wp:comment_content}, {@code wp:comment_approved} 1, 0, spam or trash, {@code wp:comment_type}).
 */
final class WordPressRecords extends XmlRecords {

    private String site;

    WordPressRecords(InputStream in) {
        super(in);
    }

    /** The site the export came from (its base URL), which WordPress's comment ids are unique within. */
    String site() {
        return site;
    }

    @Override
    void read(Source.Sink sink) {
        root("rss", "a WordPress export (WXR)");
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (xml.getLocalName().equals("channel")) {
                channel(sink);
            } else {
                skip();
            }
        }
    }

    private void channel(Source.Sink sink) {
        String link = null;
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (xml.getLocalName()) {
                case "link" -> link = text().strip();
                case "base_site_url" -> site = text().strip();
                case "item" -> {
                    if (site == null) {
                        site = link;
                    }
                    item(sink);
                }
                default -> skip();
            }
        }
        if (site == null) {
            site = link;
        }
    }

    private void item(Source.Sink sink) {
        String link = null;
        String title = null;
        String postId = null;
        boolean closed = false;
        Instant createdAt = null;
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (xml.getLocalName()) {
                case "link" -> link = text();
                case "title" -> title = text();
                case "post_id" -> postId = text().strip();
                case "comment_status" -> closed = text().strip().equals("closed");
                case "post_date_gmt" -> createdAt = wordPressInstant(text());
                case "comment" -> {
                    if (postId == null) {
                        throw expected("<wp:post_id> before the item's comments");
                    }
                    Source.Post post = comment(postId);
                    if (post != null) {
                        sink.post(post);
                    }
                }
                default -> skip();
            }
        }
        if (postId != null) {
            sink.thread(new Source.Thread(postId, postId, link, title, closed, false, createdAt));
        }
    }

    private Source.Post comment(String postId) {
        String id = null;
        String parent = null;
        String author = "";
        String email = null;
        String userId = null;
        Instant gmt = null;
        Instant local = null;
        String content = "";
        String approved = "1";
        String type = "";
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (xml.getLocalName()) {
                case "comment_id" -> id = text().strip();
                case "comment_parent" -> parent = text().strip();
                case "comment_author" -> author = text();
                case "comment_author_email" -> email = text().strip();
                case "comment_user_id" -> userId = text().strip();
                case "comment_date_gmt" -> gmt = wordPressInstant(text());
                case "comment_date" -> local = wordPressInstant(text());
                case "comment_content" -> content = text();
                case "comment_approved" -> approved = text().strip().toLowerCase(Locale.ROOT);
                case "comment_type" -> type = text().strip().toLowerCase(Locale.ROOT);
                default -> skip();
            }
        }
        if (id == null || id.isEmpty()) {
            throw expected("<wp:comment_id> in a comment of post " + postId);
        }
        Instant createdAt = gmt != null ? gmt : local;
        if (createdAt == null) {
            throw expected("<wp:comment_date_gmt> or <wp:comment_date> in comment " + id);
        }
        Source.State state = switch (approved) {
            case "1", "approve", "approved" -> Source.State.PUBLISHED;
            case "0", "hold" -> Source.State.PENDING;
            case "spam" -> Source.State.SPAM;
            case "trash", "post-trashed" -> Source.State.DELETED;
            default -> throw expected("wp:comment_approved of 1, 0, spam or trash, not '" + approved + "'");
        };
        if (type.equals("pingback") || type.equals("trackback")) {
            state = Source.State.PINGBACK;
        }
        String shown = author.isBlank() ? "Guest" : author;
        Source.Author who;
        if (userId != null && !userId.isEmpty() && !userId.equals("0")) {
            who = new Source.Author("user:" + userId, shown, shown, email == null || email.isEmpty() ? null : email);
        } else if (email != null && !email.isEmpty()) {
            who = new Source.Author("email:" + email.toLowerCase(Locale.ROOT), shown, shown, email);
        } else {
            who = new Source.Author(null, shown, shown, null);
        }
        return new Source.Post(id, postId, parent == null || parent.isEmpty() || parent.equals("0") ? null : parent,
                content, createdAt, state, who);
    }
}
