package news.forum.demo;

import news.forum.widget.Messages;

import java.util.List;

import static news.forum.widget.WebResources.escape;

/** An article of the demo publisher: what its page shows, and the two lines that embed its discussion. */
record DemoArticle(String key, String title, String url, List<String> paragraphs) {

    /** The story, then its discussion: the publisher's two lines, the element carrying {@code attributes} too. */
    void appendTo(StringBuilder html, Messages messages, String forumOrigin, String attributes) {
        html.append("<article class=\"story\">\n<h1>").append(escape(title)).append("</h1>\n");
        for (String paragraph : paragraphs) {
            html.append("<p>").append(escape(paragraph)).append("</p>\n");
        }
        html.append("</article>\n<section class=\"discussion\" aria-label=\"")
                .append(escape(messages.get("demo.discussionLabel"))).append("\">\n")
                .append("<div data-forum-article=\"").append(escape(key))
                .append("\" data-forum-title=\"").append(escape(title))
                .append("\" data-forum-url=\"").append(escape(url)).append("\"").append(attributes).append("></div>\n")
                .append("<script src=\"").append(escape(forumOrigin)).append("/embed.js\" async></script>\n")
                .append("</section>\n");
    }
}
