package news.forum.moderation;

import news.forum.database.BulkTable;

import java.util.List;

/** The moderation tables of a whole-site export: readers' flags, the word rules and their version. */
public final class ModerationTransfer {

    public static final List<BulkTable> TABLES = List.of(
            new BulkTable("flag", List.of("id", "comment_id", "account_id", "reason", "detail", "created_at",
                    "resolved_at", "resolved_by", "address_key", "counts"), """
                    SELECT id, comment_id, account_id, reason, detail, created_at, resolved_at, resolved_by, address_key,
                           counts
                    FROM comment_flag ORDER BY id""", null, """
                    COPY comment_flag (id, comment_id, account_id, reason, detail, created_at, resolved_at, resolved_by,
                                       address_key, counts)
                    FROM STDIN""",
                    List.of("SELECT setval(pg_get_serial_sequence('comment_flag', 'id'), coalesce(max(id), 1), max(id) IS NOT NULL) FROM comment_flag")),
            new BulkTable("word_rule", List.of("kind", "word"), "SELECT kind, word FROM word_rule ORDER BY kind, word",
                    null, "COPY word_rule (kind, word) FROM STDIN", List.of()),
            new BulkTable("word_rule_set", List.of("version"), "SELECT version FROM word_rule_set WHERE id = 1",
                    "CREATE TEMPORARY TABLE word_rule_set_import (version bigint NOT NULL) ON COMMIT DROP",
                    "COPY word_rule_set_import (version) FROM STDIN",
                    List.of("UPDATE word_rule_set SET version = i.version FROM word_rule_set_import i WHERE word_rule_set.id = 1")));

    private ModerationTransfer() {
    }
}
