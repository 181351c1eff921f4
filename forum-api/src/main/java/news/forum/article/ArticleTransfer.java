package news.forum.article;

import jakarta.inject.Singleton;
import news.forum.database.BulkTable;
import news.forum.database.Sql;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Articles moved in and out in bulk. An imported thread becomes an article under a key made from the source (the key
 * rules of {@code PUT /articles/{key}} apply); the source's thread id is recorded, so a second import finds it again.
 * A source thread whose key an article has already (one made by hand, or another source thread with the same link)
 * joins that article: its comments go into the same thread.
 */
@Singleton
public class ArticleTransfer {

    /** The result of placing a source thread: the article and whether this call created it. */
    public record Placed(long articleId, String key, boolean created) {
    }

    public static final List<BulkTable> TABLES = List.of(
            new BulkTable("article", List.of("id", "article_key", "title", "url", "created_at", "updated_at"),
                    "SELECT id, article_key, title, url, created_at, updated_at FROM article ORDER BY id", null,
                    "COPY article (id, article_key, title, url, created_at, updated_at) FROM STDIN",
                    List.of("SELECT setval(pg_get_serial_sequence('article', 'id'), coalesce(max(id), 1), max(id) IS NOT NULL) FROM article")),
            new BulkTable("article_source", List.of("source", "source_id", "article_id"),
                    "SELECT source, source_id, article_id FROM article_source ORDER BY article_id, source_id", null,
                    "COPY article_source (source, source_id, article_id) FROM STDIN", List.of()));

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._~-]{1,200}");
    private static final Pattern NOT_KEY = Pattern.compile("[^A-Za-z0-9._~-]+");

    private final Sql sql;

    ArticleTransfer(Sql sql) {
        this.sql = sql;
    }

    /** The key a source's identifier or address gives: other characters become '-', at most 200; empty when none is left. */
    public static String keyFrom(String text) {
        String key = NOT_KEY.matcher(text.strip()).replaceAll("-").replaceAll("^[-.]+|[-.]+$", "");
        if (key.length() > 200) {
            key = key.substring(0, 200).replaceAll("[-.]+$", "");
        }
        return KEY.matcher(key).matches() ? key : "";
    }

    public Optional<Long> findImported(String source, String sourceId) {
        return sql.one("SELECT article_id FROM article_source WHERE source = ? AND source_id = ?",
                row -> row.getLong(1), source, sourceId);
    }

    /** Finds or creates the article for a source thread and records where it came from. */
    public Placed place(String source, String sourceId, String key, String title, String url, Instant createdAt) {
        Optional<Long> known = findImported(source, sourceId);
        if (known.isPresent()) {
            return new Placed(known.get(), sql.one("SELECT article_key FROM article WHERE id = ?",
                    row -> row.getString(1), known.get()).orElseThrow(), false);
        }
        Optional<Long> inserted = sql.one("""
                        INSERT INTO article (article_key, title, url, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (article_key) DO NOTHING RETURNING id""",
                row -> row.getLong(1), key, title, url, createdAt, createdAt);
        long articleId = inserted.orElseGet(() -> sql.one("SELECT id FROM article WHERE article_key = ?",
                row -> row.getLong(1), key).orElseThrow());
        sql.update("INSERT INTO article_source (source, source_id, article_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                source, sourceId, articleId);
        return new Placed(articleId, key, inserted.isPresent());
    }
}
