package news.forum.demo;

import java.util.List;

/** An article of the demo publisher: what its page shows, and the two lines that embed its discussion. */
record DemoArticle(String key, String title, String url, List<String> paragraphs) {
}
