package news.forum.database;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * One kind of record of a whole-site export, as its table's owner package defines it: the columns (also the record's
 * field names, in order), the query that reads every row in id order, and the statements that write them back into an
 * empty database: an optional statement before the COPY (a temporary table for rows that update others), the COPY
 * itself, and optional statements after every row is in (applying such updates, moving the id sequence past the ids).
 */
public record BulkTable(String record, List<String> columns, String select, @Nullable String before, String copy,
                        List<String> after) {
}
