package news.forum.embed;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import news.forum.article.ArticleView;

/**
 * What the widget needs to draw an article's discussion: the article, or null while nobody has replied yet,
 * and whether a first reply may start its thread (the page's URL belongs to an allowed publisher origin).
 */
@Serdeable
public record EmbedArticle(String key, @Nullable ArticleView article, boolean startAllowed) {
}
