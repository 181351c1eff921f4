package news.forum.embed;

import jakarta.inject.Singleton;
import news.forum.database.Sql;

import java.util.Optional;

@Singleton
class EmbedRepository {

    record Source(long authorId, String body) {
    }

    private final Sql sql;

    EmbedRepository(Sql sql) {
        this.sql = sql;
    }

    Optional<Source> findLive(long commentId) {
        return sql.one("SELECT author_id, coalesce(pending_body, body) AS body FROM comment WHERE id = ? AND deleted_at IS NULL",
                row -> new Source(row.getLong("author_id"), row.getString("body")), commentId);
    }
}
