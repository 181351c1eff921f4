package news.forum.server;

import io.micronaut.json.JsonMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import news.forum.support.Api;
import news.forum.support.Response;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upgrade: the current build started on a data directory written before it. No release was tagged before 0.3.0, so
 * the data directory is the one the first migration with comments (V4) left: an embedded cluster migrated to V4 alone,
 * written with that version's statements; every later migration then runs on rows that existed before it.
 */
class UpgradeIT {

    private static final Duration START = Duration.ofSeconds(180);
    private static final String PASSWORD = "a passphrase from before any release";
    private final JsonMapper json = JsonMapper.createDefault();

    @TempDir
    Path data;

    @Test
    void theCurrentBuildFindsEveryCommentOfADataDirectoryWrittenAtTheFirstMigrationWithComments() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(data.resolve("postgres"))
                .setCleanDataDirectory(false).start()) {
            Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration")
                    .target("4").load().migrate();
            try (Connection db = postgres.getPostgresDatabase().getConnection()) {
                assertThat(one(db, "SELECT max(version::int) FROM flyway_schema_history")).isEqualTo(4L);
                writeAsVersion4(db);
            }
        }

        try (ServerProcess server = ServerProcess.start(data, Map.of())) {
            assertThat(server.awaitLine("Server Running", START)).as(server.output()).isTrue();
            Api api = new Api(server.base(), json);
            // a read first: nothing written since the start
            Response article = api.send(c -> c.article("before-any-release")).expectStatus(200);
            assertThat((String) article.path("title")).isEqualTo("Written before any release");
            assertThat(((Number) article.path("thread.commentCount")).intValue()).isEqualTo(5);
            String thread = article.path("thread.id");

            List<Map<String, Object>> comments = api.readAll(thread, "oldest", 2);
            assertThat(comments).extracting(c -> c.get("bodyHtml")).containsExactly(
                    "<p>The first comment, from before any release</p>", "<p>A reply to it</p>",
                    "<p>A reply two levels down</p>", null, "<p>A reply whose parent was deleted</p>",
                    "<p>A moderator's comment</p>");
            assertThat(comments).extracting(c -> c.get("depth")).containsExactly(0, 1, 2, 0, 1, 0);
            assertThat(comments).extracting(c -> c.get("deleted")).containsExactly(false, false, false, true, false, false);
            assertThat(comments.get(1).get("parentId")).isEqualTo(comments.get(0).get("id"));
            assertThat(comments.get(2).get("parentId")).isEqualTo(comments.get(1).get("id"));
            assertThat(comments.get(4).get("parentId")).isEqualTo(comments.get(3).get("id"));
            assertThat(comments).extracting(UpgradeIT::authorName).containsExactly("reader1", "reader2", "reader1", null, "reader1", "moderator1");
            for (String sort : new String[]{"newest", "top"}) {
                assertThat(api.readAll(thread, sort, 50)).as(sort).hasSize(6);
            }
            for (Map<String, Object> comment : comments) {
                assertThat((Object) api.send(c -> c.comment((String) comment.get("id"))).expectStatus(200).path("bodyHtml"))
                        .isEqualTo(comment.get("bodyHtml"));
            }

            Response locked = api.send(c -> c.article("locked-before-any-release")).expectStatus(200);
            assertThat((Boolean) locked.path("thread.locked")).isTrue();
            assertThat((String) locked.path("thread.lockReason")).isEqualTo("Legal review");
            assertThat(api.readAll(locked.path("thread.id"), "oldest", 50)).hasSize(1);

            // the accounts sign in with their old passwords, and the old threads take replies as new ones do
            String reader = api.login("reader1", PASSWORD).token();
            api.postComment(thread, reader, "A reply after the upgrade", (String) comments.get(0).get("id")).expectStatus(201);
            assertThat(api.readAll(thread, "oldest", 50)).extracting(c -> c.get("bodyHtml"))
                    .containsSubsequence("<p>A reply two levels down</p>", "<p>A reply after the upgrade</p>", null);
            assertThat(api.postComment(locked.path("thread.id"), reader, "Still locked?", null).status()).isEqualTo(423);
            assertThat((String) api.send(api.login("moderator1", PASSWORD).token(), c -> c.me()).path("role")).isEqualTo("MODERATOR");
        }
    }

    private static Object authorName(Map<String, Object> comment) {
        return comment.get("author") instanceof Map<?, ?> author ? author.get("username") : null;
    }

    /** What the server of that time wrote, with its statements: accounts, two articles, a tree with a tombstone, a lock. */
    private static void writeAsVersion4(Connection db) throws SQLException {
        String hash = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2).encode(PASSWORD);
        long reader1 = account(db, "reader1", "Reader One", hash, "USER");
        long reader2 = account(db, "reader2", "Reader Two", hash, "USER");
        long moderator = account(db, "moderator1", "The Moderator", hash, "MODERATOR");

        long thread = thread(db, "before-any-release", "Written before any release");
        long first = root(db, thread, reader1, "The first comment, from before any release");
        long reply = reply(db, thread, first, reader2, "A reply to it");
        reply(db, thread, reply, reader1, "A reply two levels down");
        long deleted = root(db, thread, reader2, "A comment its author deleted later");
        reply(db, thread, deleted, reader1, "A reply whose parent was deleted");
        root(db, thread, moderator, "A moderator's comment");
        // the deletion of that time: the text wiped, the row kept for its reply, one fewer on the thread
        update(db, "UPDATE comment SET deleted_at = now(), body = '', body_html = '' WHERE id = ?", deleted);
        update(db, "UPDATE thread SET comment_count = comment_count - 1 WHERE id = ?", thread);

        long closed = thread(db, "locked-before-any-release", "Locked before any release");
        root(db, closed, reader2, "Said before the lock");
        update(db, "UPDATE thread SET locked = true, locked_at = now(), locked_by = ?, lock_reason = 'Legal review' WHERE id = ?",
                moderator, closed);
    }

    private static long account(Connection db, String name, String displayName, String hash, String role) throws SQLException {
        return one(db, "INSERT INTO account (username, username_key, display_name, password_hash, role) VALUES (?, ?, ?, ?, ?) RETURNING id",
                name, name, displayName, hash, role);
    }

    private static long thread(Connection db, String key, String title) throws SQLException {
        long article = one(db, "INSERT INTO article (article_key, title, url) VALUES (?, ?, ?) RETURNING id",
                key, title, "https://news.example/" + key);
        return one(db, "INSERT INTO thread (article_id) VALUES (?) RETURNING id", article);
    }

    private static long root(Connection db, long thread, long author, String text) throws SQLException {
        return one(db, """
                WITH counted AS (UPDATE thread SET comment_count = comment_count + 1 WHERE id = ? AND NOT locked RETURNING id)
                INSERT INTO comment (id, thread_id, parent_id, root_id, depth, path, author_id, body, body_html)
                SELECT f.id, counted.id, NULL, f.id, 0, '', ?, ?, ?
                FROM counted, (SELECT nextval('comment_id_seq') AS id) f RETURNING id""",
                thread, author, text, "<p>" + text + "</p>");
    }

    private static long reply(Connection db, long thread, long parent, long author, String text) throws SQLException {
        return one(db, """
                WITH parent AS (
                    UPDATE comment SET reply_count = reply_count + 1
                    WHERE id = ? AND thread_id = ? AND deleted_at IS NULL AND depth < 63 RETURNING id, root_id, path, depth
                ), counted AS (
                    UPDATE thread SET comment_count = comment_count + 1
                    WHERE id = ? AND NOT locked AND EXISTS (SELECT 1 FROM parent) RETURNING id
                )
                INSERT INTO comment (id, thread_id, parent_id, root_id, depth, path, author_id, body, body_html)
                SELECT f.id, counted.id, p.id, p.root_id, p.depth + 1, p.path || comment_path_key(f.id), ?, ?, ?
                FROM parent p, counted, (SELECT nextval('comment_id_seq') AS id) f RETURNING id""",
                parent, thread, thread, author, text, "<p>" + text + "</p>");
    }

    private static void update(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(db, sql, parameters)) {
            assertThat(statement.executeUpdate()).as(sql).isEqualTo(1);
        }
    }

    private static long one(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(db, sql, parameters); ResultSet row = statement.executeQuery()) {
            assertThat(row.next()).as(sql).isTrue();
            return row.getLong(1);
        }
    }

    private static PreparedStatement prepare(Connection db, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
