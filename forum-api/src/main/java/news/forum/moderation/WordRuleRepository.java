package news.forum.moderation;

import jakarta.inject.Singleton;
import news.forum.database.Sql;

import java.util.ArrayList;
import java.util.List;

@Singleton
class WordRuleRepository {

    /** The rules together with the version they make up, read in one statement (one snapshot). */
    record RuleSet(long version, List<WordMatcher.Rule> rules) {
    }

    private final Sql sql;

    WordRuleRepository(Sql sql) {
        this.sql = sql;
    }

    long version() {
        return sql.one("SELECT version FROM word_rule_set WHERE id = 1", row -> row.getLong("version")).orElseThrow();
    }

    RuleSet load() {
        record Row(long version, String kind, String word) {
        }
        List<Row> rows = sql.list("""
                        SELECT s.version, r.kind, r.word
                        FROM word_rule_set s LEFT JOIN word_rule r ON true
                        WHERE s.id = 1
                        ORDER BY r.kind, r.word""",
                row -> new Row(row.getLong("version"), row.getString("kind"), row.getString("word")));
        List<WordMatcher.Rule> rules = new ArrayList<>();
        for (Row row : rows) {
            if (row.word() != null) {
                rules.add(new WordMatcher.Rule(row.word(), WordMatcher.Kind.valueOf(row.kind().toUpperCase(java.util.Locale.ROOT))));
            }
        }
        return new RuleSet(rows.get(0).version(), rules);
    }

    /** Replaces every rule; the version row is locked first, so two changes at once apply one after the other. */
    long replace(List<String> reject, List<String> hold) {
        long version = sql.one("UPDATE word_rule_set SET version = version + 1 WHERE id = 1 RETURNING version",
                row -> row.getLong("version")).orElseThrow();
        sql.update("DELETE FROM word_rule");
        sql.update("INSERT INTO word_rule (kind, word) SELECT 'reject', unnest(?::text[])", (Object) reject.toArray(String[]::new));
        sql.update("INSERT INTO word_rule (kind, word) SELECT 'hold', unnest(?::text[])", (Object) hold.toArray(String[]::new));
        return version;
    }
}
