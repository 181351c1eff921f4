package news.forum.bench;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The figures of a posting run (workloads 3 and 4), after checking that every 201 is stored exactly once. */
final class PostingFigures {

    private PostingFigures() {
    }

    /** Every 201's id is a distinct row of the threads, the rows added equal the 201s, counters equal the rows. */
    static Map<String, Object> of(Suite suite, Writers.Outcome outcome, long storedRows, String threadIds)
            throws SQLException {
        Set<Long> distinct = new HashSet<>();
        outcome.created().forEach(p -> distinct.add(p.id()));
        long counted = Data.counted(suite.db(), threadIds);
        long rows = Data.countedRows(suite.db(), threadIds);
        String idList = outcome.created().isEmpty() ? "0"
                : outcome.created().stream().map(p -> String.valueOf(p.id())).collect(Collectors.joining(","));
        long found = Data.single(suite.db(), "SELECT count(*) FROM comment WHERE id IN (" + idList
                + ") AND thread_id IN (" + threadIds + ")");
        if (distinct.size() != outcome.created().size() || storedRows != outcome.created().size()
                || found != outcome.created().size() || counted != rows) {
            suite.fail(String.format("posting: %d answered 201 (%d distinct ids, %d found), %d rows added, "
                            + "thread counters %d for %d counted rows", outcome.created().size(), distinct.size(), found,
                    storedRows, counted, rows));
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("writers", outcome.writers());
        figures.put("seconds", outcome.seconds());
        figures.put("created_201", outcome.created().size());
        figures.put("rows_added", storedRows);
        figures.put("other_statuses", outcome.otherStatuses().entrySet().stream()
                .collect(Collectors.toMap(e -> String.valueOf(e.getKey()), Map.Entry::getValue)));
        figures.put("counts_add_up", distinct.size() == storedRows && found == storedRows && counted == rows);
        figures.put("replies_per_second", outcome.rate());
        figures.put("p50_ms", Suite.percentile(outcome.latenciesMs(), 50));
        figures.put("p99_ms", Suite.percentile(outcome.latenciesMs(), 99));
        return figures;
    }
}
