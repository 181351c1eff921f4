package news.forum.support;

import io.micronaut.jdbc.DataSourceResolver;
import news.forum.web.PublicIds;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * Reads the database directly, to check what a response claims (a 201 is stored, a refusal stored nothing).
 * Uses the server's own pool, outside any of its transactions.
 */
public final class Db {

    private final DataSource dataSource;
    private final PublicIds ids;

    public Db(DataSource dataSource, DataSourceResolver resolver, PublicIds ids) {
        this.dataSource = resolver.resolve(dataSource);
        this.ids = ids;
    }

    /** The row id behind an id the API gave out, of whichever kind its tag names (the API never shows row ids). */
    public long rowId(String publicId) {
        for (PublicIds.Kind kind : PublicIds.Kind.values()) {
            OptionalLong row = ids.tryParse(kind, publicId);
            if (row.isPresent()) {
                return row.getAsLong();
            }
        }
        throw new AssertionError("not an id the server gives out: " + publicId);
    }

    /** The row id behind an id of this kind the API gave out. */
    public long rowId(PublicIds.Kind kind, String publicId) {
        return ids.tryParse(kind, publicId).orElseThrow(() -> new AssertionError("not a " + kind + " id: " + publicId));
    }

    public long count(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Writes behind the server's back: only to set up what an older version of the server left behind. */
    public int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Every table's row count, to prove a refused request changed nothing. */
    public String snapshot() {
        return "accounts=" + count("SELECT count(*) FROM account")
                + " admins=" + count("SELECT count(*) FROM account WHERE role = 'ADMIN'")
                + " moderators=" + count("SELECT count(*) FROM account WHERE role = 'MODERATOR'")
                + " bans=" + count("SELECT count(*) FROM account WHERE ban_reason IS NOT NULL")
                + " articles=" + count("SELECT count(*) FROM article")
                + " threads=" + count("SELECT count(*) FROM thread")
                + " comments=" + count("SELECT count(*) FROM comment")
                + " commentSum=" + count("SELECT coalesce(sum(comment_count), 0) FROM thread")
                + " replySum=" + count("SELECT coalesce(sum(reply_count), 0) FROM comment")
                + " votes=" + count("SELECT count(*) FROM comment_vote")
                + " scoreSum=" + count("SELECT coalesce(sum(score), 0) FROM comment")
                + " edits=" + count("SELECT count(*) FROM comment WHERE edited_at IS NOT NULL")
                + " deleted=" + count("SELECT count(*) FROM comment WHERE deleted_at IS NOT NULL")
                + " locks=" + count("SELECT count(*) FROM thread WHERE locked")
                + " audit=" + count("SELECT count(*) FROM audit_entry")
                + " refreshTokens=" + count("SELECT count(*) FROM refresh_token");
    }
}
