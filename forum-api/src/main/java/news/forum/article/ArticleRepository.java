package news.forum.article;

import jakarta.inject.Singleton;
import news.forum.database.Sql;

import java.util.Optional;

@Singleton
class ArticleRepository {

    /** The stored article and whether this call created it. */
    record Upserted(long id, boolean created) {
    }

    record StoredArticle(long id, String key, String title, String url) {
    }

    private final Sql sql;

    ArticleRepository(Sql sql) {
        this.sql = sql;
    }

    /** xmax = 0 only on a freshly inserted row: how PostgreSQL tells an insert from an update in one statement. */
    Upserted upsert(String key, String title, String url) {
        return sql.one("""
                        INSERT INTO article (article_key, title, url) VALUES (?, ?, ?)
                        ON CONFLICT (article_key) DO UPDATE
                            SET title = EXCLUDED.title, url = EXCLUDED.url, updated_at = now()
                        RETURNING id, (xmax = 0) AS created""",
                row -> new Upserted(row.getLong("id"), row.getBoolean("created")), key, title, url).orElseThrow();
    }

    /**
     * The id of the article with this key: the one inserted now, or the one there already (left as it is). Two
     * statements: when a racing transaction inserted the key, the insert waits for it and does nothing, and only a
     * statement started after that sees its row.
     */
    long insertIfAbsent(String key, String title, String url) {
        return sql.one("""
                        INSERT INTO article (article_key, title, url) VALUES (?, ?, ?)
                        ON CONFLICT (article_key) DO NOTHING
                        RETURNING id""",
                        row -> row.getLong("id"), key, title, url)
                .or(() -> findByKey(key).map(StoredArticle::id))
                .orElseThrow();
    }

    Optional<StoredArticle> findByKey(String key) {
        return sql.one("SELECT id, article_key, title, url FROM article WHERE article_key = ?",
                row -> new StoredArticle(row.getLong("id"), row.getString("article_key"), row.getString("title"),
                        row.getString("url")), key);
    }
}
