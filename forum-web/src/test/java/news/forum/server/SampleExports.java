package news.forum.server;

import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Exports of other comment systems, made by the tests: the same discussions written as Disqus's XML and as WordPress's
 * WXR. The seed thread (its nested rebuttal, the spam comment, "Comments are closed."; its first comment answers a
 * comment that is not in the file), a thread with every state, a chain deeper than 64 levels, and Unicode and HTML
 * tricks.
 */
final class SampleExports {

    static final String SEED_KEY = "us-boots-on-ground-never";
    static final String SEED_LINK = "https://news.example/2012/07/us-boots-on-ground-never";
    static final Instant T0 = Instant.parse("2012-07-13T08:00:00Z");
    static final int CHAIN = 70;

    record Thread(String id, String identifier, String link, String title, boolean closed) {
    }

    /** A comment; {@code username} null for a guest. State: published, spam, deleted, pending, pingback. */
    record Comment(String id, String parentId, String threadId, Instant at, String text, String state,
                   String name, String username, String email) {
    }

    final List<Thread> threads = new ArrayList<>();
    final List<Comment> comments = new ArrayList<>();

    /** The discussions both formats share; WordPress adds what only it has (held comments, pingbacks). */
    static SampleExports discussions(boolean wordPress) {
        SampleExports sample = new SampleExports();
        sample.seed();
        sample.everyState(wordPress);
        sample.deepChain();
        sample.tricks();
        return sample;
    }

    private void seed() {
        threads.add(new Thread("100", SEED_KEY, SEED_LINK, "US boots on ground, never!", true));
        Map<String, Object> seed = readSeed();
        String[][] people = {{"Tariq", "tariq"}, {"Sana", "sana"}, {"Imran", "imran"}};
        int turn = 0;
        int minute = 30;
        for (Object item : (List<?>) seed.get("comments")) {
            Map<?, ?> comment = (Map<?, ?>) item;
            String ref = (String) comment.get("ref");
            String[] who = people[turn++ % people.length];
            String parent = ref.equals("dr-khan") ? "999" : null;
            comments.add(new Comment("seed-" + ref, parent, "100", T0.plusSeconds(60L * minute), (String) comment.get("body"),
                    ref.equals("spam") ? "spam" : "published", who[0], who[1], who[1] + "@readers.example"));
            minute += 30;
            for (Object replyItem : (List<?>) comment.get("replies")) {
                Map<?, ?> reply = (Map<?, ?>) replyItem;
                String[] replier = people[turn++ % people.length];
                comments.add(new Comment("seed-" + reply.get("ref"), "seed-" + ref, "100", T0.plusSeconds(60L * minute),
                        (String) reply.get("body"), "published", replier[0], replier[1], replier[1] + "@readers.example"));
                minute += 30;
            }
        }
    }

    private void everyState(boolean wordPress) {
        threads.add(new Thread("200", "every-state", "https://news.example/2012/08/every-state", "Every state", false));
        Instant at = T0.plusSeconds(86_400);
        // a reply listed before its parent, and dated a minute before it (a clock that was off)
        comments.add(new Comment("s11", "s10", "200", at.plusSeconds(59), "Reply dated before its parent", "published", "Bea", "bea", null));
        comments.add(new Comment("s1", null, "200", at.plusSeconds(1), "Published", "published", "Alice", "alice", "alice@readers.example"));
        comments.add(new Comment("s2", null, "200", at.plusSeconds(2), "Deleted, with a reply", "deleted", "Alice", "alice", "alice@readers.example"));
        comments.add(new Comment("s3", "s2", "200", at.plusSeconds(3), "Reply to a deleted comment", "published", "Bea", "bea", null));
        comments.add(new Comment("s4", null, "200", at.plusSeconds(4), "Deleted, no reply", "deleted", "Bea", "bea", null));
        comments.add(new Comment("s5", null, "200", at.plusSeconds(5), "Buy cheap watches", "spam", "Spammer", "spammer", "spam@spam.example"));
        comments.add(new Comment("s6", "s5", "200", at.plusSeconds(6), "Reply to the spam", "published", "Alice", "alice", "alice@readers.example"));
        comments.add(new Comment("s10", null, "200", at.plusSeconds(60), "Parent of a reply dated before it", "published", "A guest", null, null));
        if (wordPress) {
            comments.add(new Comment("s7", null, "200", at.plusSeconds(7), "Held for review", "pending", "Cy", "cy", "cy@readers.example"));
            comments.add(new Comment("s8", null, "200", at.plusSeconds(8), "Pingback from a blog", "pingback", "Blog", null, null));
            comments.add(new Comment("s9", null, "200", at.plusSeconds(9), "Trackback from a blog", "trackback", "Blog", null, null));
        }
    }

    private void deepChain() {
        threads.add(new Thread("300", "deep-chain", "https://news.example/2012/09/deep-chain", "Deep chain", false));
        Instant at = T0.plusSeconds(2 * 86_400);
        for (int level = 0; level < CHAIN; level++) {
            comments.add(new Comment("d" + level, level == 0 ? null : "d" + (level - 1), "300", at.plusSeconds(level),
                    "Level " + level, "published", "Dee", "dee", null));
        }
    }

    private void tricks() {
        threads.add(new Thread("400", "400 https://news.example/?p=400", "https://news.example/?p=400",
                "Unicode & <b>HTML</b> tricks", false));
        Instant at = T0.plusSeconds(3 * 86_400);
        String[] texts = {
                "Hello <script>alert(1)</script><b onclick=\"steal()\">bold</b> and <i>italic</i>",
                "<a href=\"javascript:alert(2)\">click me</a> <a href=\"https://news.example/ok\" onmouseover=\"x()\">fine link</a>",
                "<img src=x onerror=alert(3)>Image gone; see www.news.example/more",
                "\u202Eevil.exe reversed; emoji 👍🏽 Urdu اردو combining ze\u0301ro",
                "A CDATA end ]]> inside, and &lt;script&gt; as text",
        };
        for (int i = 0; i < texts.length; i++) {
            comments.add(new Comment("t" + i, null, "400", at.plusSeconds(i), texts[i], "published",
                    "Eve \u202Etxt.exe " + "x".repeat(80), "eve", "Eve@Readers.Example"));
        }
    }

    private static Map<String, Object> readSeed() {
        try (InputStream in = SampleExports.class.getResourceAsStream("/news/forum/startup/us-boots-thread.json")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> seed = JsonMapper.createDefault().readValue(in.readAllBytes(), Map.class);
            return seed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Plain text with blank lines as HTML paragraphs (markup in the test texts kept as it is). */
    private static String html(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.split("\n\n")) {
            html.append("<p>").append(paragraph).append("</p>");
        }
        return html.toString();
    }

    /** Text in CDATA, however many "]]>" it holds. */
    private static String cdata(String text) {
        return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    String disqus() {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="utf-8"?>
                <disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals"
                        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                  <category dsq:id="1"><forum>news</forum><title>General</title><isDefault>true</isDefault></category>
                """);
        for (Thread thread : threads) {
            xml.append("  <thread dsq:id=\"").append(thread.id()).append("\">\n")
                    .append("    <id>").append(escape(thread.identifier())).append("</id>\n")
                    .append("    <forum>news</forum><category dsq:id=\"1\"/>\n")
                    .append("    <link>").append(escape(thread.link())).append("</link>\n")
                    .append("    <title>").append(escape(thread.title())).append("</title>\n")
                    .append("    <message/>\n    <createdAt>2012-07-13T07:00:00Z</createdAt>\n")
                    .append("    <author><email>editor@news.example</email><name>Editor</name><isAnonymous>false</isAnonymous><username>editor</username></author>\n")
                    .append("    <isClosed>").append(thread.closed()).append("</isClosed>\n")
                    .append("    <isDeleted>false</isDeleted>\n  </thread>\n");
        }
        for (Comment comment : comments) {
            xml.append("  <post dsq:id=\"").append(comment.id()).append("\">\n")
                    .append("    <id/>\n    <message>").append(cdata(html(comment.text()))).append("</message>\n")
                    .append("    <createdAt>").append(comment.at()).append("</createdAt>\n")
                    .append("    <isDeleted>").append(comment.state().equals("deleted")).append("</isDeleted>\n")
                    .append("    <isSpam>").append(comment.state().equals("spam")).append("</isSpam>\n")
                    .append("    <author>");
            if (comment.email() != null) {
                xml.append("<email>").append(escape(comment.email())).append("</email>");
            }
            xml.append("<name>").append(escape(comment.name())).append("</name>")
                    .append("<isAnonymous>").append(comment.username() == null).append("</isAnonymous>");
            if (comment.username() != null) {
                xml.append("<username>").append(escape(comment.username())).append("</username>");
            }
            xml.append("</author>\n    <ipAddress>127.0.0.1</ipAddress>\n")
                    .append("    <thread dsq:id=\"").append(comment.threadId()).append("\"/>\n");
            if (comment.parentId() != null) {
                xml.append("    <parent dsq:id=\"").append(comment.parentId()).append("\"/>\n");
            }
            xml.append("  </post>\n");
        }
        return xml.append("</disqus>\n").toString();
    }

    String wordPress() {
        DateTimeFormatter date = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" ?>
                <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                     xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
                <channel>
                  <title>News</title>
                  <link>https://news.example</link>
                  <wp:wxr_version>1.2</wp:wxr_version>
                  <wp:base_site_url>https://news.example</wp:base_site_url>
                  <wp:base_blog_url>https://news.example</wp:base_blog_url>
                """);
        for (Thread thread : threads) {
            xml.append("  <item>\n    <title>").append(escape(thread.title())).append("</title>\n")
                    .append("    <link>").append(escape(thread.link())).append("</link>\n")
                    .append("    <dc:creator>").append(cdata("editor")).append("</dc:creator>\n")
                    .append("    <content:encoded>").append(cdata("<p>The article.</p>")).append("</content:encoded>\n")
                    .append("    <wp:post_id>").append(thread.id()).append("</wp:post_id>\n")
                    .append("    <wp:post_date_gmt>2012-07-13 07:00:00</wp:post_date_gmt>\n")
                    .append("    <wp:comment_status>").append(thread.closed() ? "closed" : "open").append("</wp:comment_status>\n")
                    .append("    <wp:post_type>post</wp:post_type>\n");
            for (Comment comment : comments) {
                if (!comment.threadId().equals(thread.id())) {
                    continue;
                }
                String approved = switch (comment.state()) {
                    case "spam" -> "spam";
                    case "deleted" -> "trash";
                    case "pending" -> "0";
                    default -> "1";
                };
                String type = comment.state().equals("pingback") || comment.state().equals("trackback") ? comment.state() : "comment";
                xml.append("    <wp:comment>\n")
                        .append("      <wp:comment_id>").append(number(comment.id())).append("</wp:comment_id>\n")
                        .append("      <wp:comment_author>").append(cdata(comment.name())).append("</wp:comment_author>\n")
                        .append("      <wp:comment_author_email>").append(comment.email() == null ? "" : escape(comment.email()))
                        .append("</wp:comment_author_email>\n")
                        .append("      <wp:comment_date>").append(date.format(comment.at().plusSeconds(5 * 3600))).append("</wp:comment_date>\n")
                        .append("      <wp:comment_date_gmt>").append(date.format(comment.at())).append("</wp:comment_date_gmt>\n")
                        .append("      <wp:comment_content>").append(cdata(comment.text())).append("</wp:comment_content>\n")
                        .append("      <wp:comment_approved>").append(approved).append("</wp:comment_approved>\n")
                        .append("      <wp:comment_type>").append(type).append("</wp:comment_type>\n")
                        .append("      <wp:comment_parent>").append(comment.parentId() == null ? "0" : number(comment.parentId()))
                        .append("</wp:comment_parent>\n")
                        .append("      <wp:comment_user_id>").append(comment.username() == null || comment.email() == null ? "0" : "0")
                        .append("</wp:comment_user_id>\n")
                        .append("      <wp:commentmeta><wp:meta_key>akismet_result</wp:meta_key><wp:meta_value>")
                        .append(cdata("false")).append("</wp:meta_value></wp:commentmeta>\n")
                        .append("    </wp:comment>\n");
            }
            xml.append("  </item>\n");
        }
        return xml.append("</channel>\n</rss>\n").toString();
    }

    /** WordPress's comment ids are numbers: the test ids mapped to distinct ones. */
    private int number(String id) {
        for (int i = 0; i < comments.size(); i++) {
            if (comments.get(i).id().equals(id)) {
                return 1000 + i;
            }
        }
        return 999_999;
    }
}
