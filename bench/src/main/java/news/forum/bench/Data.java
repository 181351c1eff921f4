package news.forum.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes big threads straight into the database with set-based SQL: level by level down to depth 8, each
 * comment under a random comment of the level above, so root_id, depth, path (parent's path plus
 * comment_path_key(id)), parent_id, reply_count and the thread's comment_count are exactly what the server
 * would have written. Bodies are word salad with a realistic spread of lengths (20 to 1,200 characters).
 */
final class Data {

    /** Share of the comments at each depth 0..8. */
    private static final double[] LEVELS = {0.30, 0.24, 0.17, 0.11, 0.07, 0.05, 0.03, 0.02, 0.01};

    private Data() {
    }

    /** The thread of an article the bench owns, created with its article when missing. */
    static long thread(Connection db, String key) throws SQLException {
        try (PreparedStatement find = db.prepareStatement(
                "SELECT t.id FROM thread t JOIN article a ON a.id = t.article_id WHERE a.article_key = ?")) {
            find.setString(1, key);
            try (ResultSet row = find.executeQuery()) {
                if (row.next()) {
                    return row.getLong(1);
                }
            }
        }
        try (PreparedStatement create = db.prepareStatement("""
                WITH a AS (INSERT INTO article (article_key, title, url) VALUES (?, ?, ?) RETURNING id)
                INSERT INTO thread (article_id) SELECT id FROM a RETURNING id""")) {
            create.setString(1, key);
            create.setString(2, "Benchmark thread " + key);
            create.setString(3, "https://bench.invalid/" + key);
            try (ResultSet row = create.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Many empty threads at once, keys prefix-0 .. prefix-(n-1); returns their ids in key order. */
    static List<Long> threads(Connection db, String prefix, int n) throws SQLException {
        try (PreparedStatement create = db.prepareStatement("""
                INSERT INTO article (article_key, title, url)
                SELECT ? || g, 'Benchmark thread ' || ? || g, 'https://bench.invalid/' || ? || g
                FROM generate_series(0, ? - 1) g
                ON CONFLICT (article_key) DO NOTHING""")) {
            create.setString(1, prefix);
            create.setString(2, prefix);
            create.setString(3, prefix);
            create.setInt(4, n);
            create.executeUpdate();
        }
        try (PreparedStatement threads = db.prepareStatement("""
                INSERT INTO thread (article_id) SELECT id FROM article WHERE article_key LIKE ? || '%'
                ON CONFLICT (article_id) DO NOTHING""")) {
            threads.setString(1, prefix);
            threads.executeUpdate();
        }
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement find = db.prepareStatement("""
                SELECT t.id FROM thread t JOIN article a ON a.id = t.article_id
                WHERE a.article_key LIKE ? || '%' ORDER BY t.id""")) {
            find.setString(1, prefix);
            try (ResultSet rows = find.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    static long commentCount(Connection db, long threadId) throws SQLException {
        return single(db, "SELECT comment_count FROM thread WHERE id = " + threadId);
    }

    static long rows(Connection db, String threadIds) throws SQLException {
        return single(db, "SELECT count(*) FROM comment WHERE thread_id IN (" + threadIds + ")");
    }

    /**
     * The rows a thread's comment_count must equal: live comments, neither removed nor waiting for review (a held
     * comment is a row that counts nowhere until approved).
     */
    static long countedRows(Connection db, String threadIds) throws SQLException {
        return single(db, "SELECT count(*) FROM comment WHERE thread_id IN (" + threadIds + ")"
                + " AND deleted_at IS NULL AND removed_at IS NULL AND review_state IS NULL");
    }

    static long counted(Connection db, String threadIds) throws SQLException {
        return single(db, "SELECT coalesce(sum(comment_count), 0) FROM thread WHERE id IN (" + threadIds + ")");
    }

    static String singleText(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    static long single(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Fills an empty thread with n comments by the given authors. */
    static void generate(Connection db, long threadId, int n, List<Long> authors, long seed) throws SQLException {
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try (Statement sql = db.createStatement()) {
            sql.execute("SELECT setseed(" + (seed % 1000) / 1000.0 + ")");
            sql.execute("""
                    CREATE TEMP TABLE gen (rn bigint, id bigint, parent_id bigint, root_id bigint, depth int,
                                           path text COLLATE "C") ON COMMIT DROP""");
            sql.execute("CREATE TEMP TABLE body (k int, body text, html text) ON COMMIT DROP");
            // 256 bodies; lengths log-uniform between 20 and 1,200 characters, cut at a word
            sql.execute("""
                    INSERT INTO body
                    SELECT k, rtrim(t), '<p>' || rtrim(t) || '</p>'
                    FROM (SELECT k, substr(string_agg(w, ' ' ORDER BY i), 1,
                                           (20 * power(60, random()))::int) AS t
                          FROM generate_series(0, 255) k,
                               LATERAL (SELECT i, (ARRAY['the','minister','said','troops','would','never',
                                        'be','sent','but','history','suggests','otherwise','and','readers',
                                        'remember','when','that','promise','was','made','before','in','a',
                                        'war','nobody','wanted','yet','everyone','paid','for','of','it',
                                        'this','is','not','what','we','were','told','again'])[1 + (random() * 39)::int + k * 0 % 1] AS w
                                        FROM generate_series(1, 260) i) words
                          GROUP BY k) s""");
            int total = 0;
            int[] counts = new int[LEVELS.length];
            for (int d = 0; d < LEVELS.length; d++) {
                counts[d] = d == LEVELS.length - 1 ? n - total : Math.max(1, (int) Math.round(n * LEVELS[d]));
                total += counts[d];
            }
            sql.execute("INSERT INTO gen SELECT g, nextval('comment_id_seq'), NULL, 0, 0, '' FROM generate_series(1, "
                    + counts[0] + ") g");
            sql.execute("UPDATE gen SET root_id = id");
            for (int d = 1; d < LEVELS.length; d++) {
                if (counts[d] <= 0) {
                    continue;
                }
                sql.execute("""
                        INSERT INTO gen
                        SELECT s.g, s.id, p.id, p.root_id, %d, p.path || comment_path_key(s.id)
                        FROM (SELECT g, nextval('comment_id_seq') AS id, 1 + floor(random() * %d)::bigint AS prn
                              FROM generate_series(1, %d) g) s
                        JOIN gen p ON p.depth = %d AND p.rn = s.prn""".formatted(d, counts[d - 1], counts[d], d - 1));
            }
            StringBuilder authorArray = new StringBuilder("ARRAY[");
            for (int i = 0; i < authors.size(); i++) {
                authorArray.append(i == 0 ? "" : ",").append(authors.get(i));
            }
            authorArray.append("]::bigint[]");
            sql.execute("""
                    INSERT INTO comment (id, thread_id, parent_id, root_id, depth, path, author_id, body, body_html,
                                         created_at, reply_count, score)
                    SELECT g.id, %d, g.parent_id, g.root_id, g.depth, g.path, (%s)[1 + g.id %% %d], b.body, b.html,
                           timestamptz '2025-01-01 00:00:00+00' + g.id * interval '10 ms',
                           coalesce(r.n, 0), CASE WHEN g.depth = 0 THEN (random() * random() * 40)::int ELSE 0 END
                    FROM gen g
                    JOIN body b ON b.k = g.id %% 256
                    LEFT JOIN (SELECT parent_id, count(*) AS n FROM gen WHERE parent_id IS NOT NULL
                               GROUP BY parent_id) r ON r.parent_id = g.id
                    ORDER BY g.root_id, g.path""".formatted(threadId, authorArray, authors.size()));
            sql.execute("UPDATE thread SET comment_count = comment_count + " + n + " WHERE id = " + threadId);
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(autoCommit);
        }
    }

    /** The comment in the middle of a thread in the given tree order: where a deep page starts. */
    static String[] middle(Connection db, long threadId, String sort, long n) throws SQLException {
        String order = switch (sort) {
            case "oldest" -> "c.root_id, c.path";
            case "newest" -> "-c.root_id, c.path";
            default -> "r.score DESC, r.id DESC, c.path";
        };
        try (PreparedStatement find = db.prepareStatement("""
                SELECT r.score, c.root_id, c.path FROM comment c JOIN comment r ON r.id = c.root_id
                WHERE c.thread_id = ? ORDER BY %s OFFSET ? LIMIT 1""".formatted(order))) {
            find.setLong(1, threadId);
            find.setLong(2, n / 2);
            try (ResultSet row = find.executeQuery()) {
                row.next();
                return new String[]{Integer.toString(row.getInt(1)), Long.toString(row.getLong(2)), row.getString(3)};
            }
        }
    }

    /** Top-level comments of a thread, to reply to. */
    static List<Long> roots(Connection db, long threadId, int limit) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement find = db.prepareStatement(
                "SELECT id FROM comment WHERE thread_id = ? AND parent_id IS NULL AND deleted_at IS NULL ORDER BY id LIMIT ?")) {
            find.setLong(1, threadId);
            find.setInt(2, limit);
            try (ResultSet rows = find.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }
}
