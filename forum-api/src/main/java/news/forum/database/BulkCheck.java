package news.forum.database;

import jakarta.inject.Singleton;

/** Whether a bulk table holds any row, through its owner's own query (stopping at the first row). */
@Singleton
public class BulkCheck {

    private final Sql sql;

    BulkCheck(Sql sql) {
        this.sql = sql;
    }

    public boolean hasRows(BulkTable table) {
        return sql.one("SELECT EXISTS (" + table.select() + ") AS any", row -> row.getBoolean(1)).orElse(false);
    }
}
