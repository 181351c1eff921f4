package news.forum.transfer;

import java.util.Map;

/** The counts of an import, as the summary and the audit entry say them. */
final class Summary {

    private Summary() {
    }

    static String counts(ImportPlan.Report report) {
        return counts(report, false);
    }

    /** One line; a dry run says what it would write. */
    static String counts(ImportPlan.Report report, boolean dryRun) {
        StringBuilder text = new StringBuilder();
        if (dryRun) {
            text.append("%,d comments to write (%,d tombstones, %,d removed as spam, %,d held for review), in %,d threads, by %,d authors"
                    .formatted(report.planned, report.tombstones, report.removedAsSpam, report.held,
                            report.threadsCreated, report.accountsCreated));
        } else {
            text.append("%,d threads new, %,d joined (%,d locked as closed); %,d comments written (%,d tombstones, %,d removed as spam, %,d held for review); %,d accounts made"
                    .formatted(report.threadsCreated, report.threadsJoined, report.threadsLocked, report.commentsWritten,
                            report.tombstones, report.removedAsSpam, report.held, report.accountsCreated));
        }
        if (report.alreadyImported > 0) {
            text.append("; %,d imported before".formatted(report.alreadyImported));
        }
        if (report.missingParents > 0) {
            text.append("; %,d whose parent is missing made top-level".formatted(report.missingParents));
        }
        if (report.reattached > 0) {
            text.append("; %,d deeper than 64 levels attached at the deepest".formatted(report.reattached));
        }
        if (report.deferred > 0) {
            text.append("; %,d left for a rerun (their parents come later in the file)".formatted(report.deferred));
        }
        if (!report.skipped.isEmpty()) {
            text.append("; skipped ").append("%,d".formatted(report.skippedTotal())).append(" (");
            boolean first = true;
            for (Map.Entry<String, Long> reason : report.skipped.entrySet()) {
                text.append(first ? "" : ", ").append("%,d ".formatted(reason.getValue())).append(reason.getKey());
                first = false;
            }
            text.append(")");
        }
        return text.toString();
    }
}
