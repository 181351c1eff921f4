package news.forum.article;

import io.micronaut.serde.annotation.Serdeable;
import news.forum.thread.ThreadView;

@Serdeable
public record ArticleView(String key, String title, String url, ThreadView thread) {
}
