package news.forum.transfer;

import news.forum.text.ImportedText;

import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The comments' safe HTML and plain text, in the order they are written, made ahead on every core while the writing
 * thread streams the ones before into the database: sanitising is the import's largest cost on this side of the
 * connection, and PostgreSQL's work on a batch is the largest on the other, so the two overlap. A bounded number of
 * chunks is in flight, whatever the size of a batch or of the file.
 */
final class TextPipeline implements AutoCloseable {

    /** What a comment's row takes from its texts. */
    record Prepared(String html, String text, String guestName) {
    }

    private static final int CHUNK = 256;
    private static final int AHEAD = 16;
    private static final Prepared SKIPPED = new Prepared("", "", "");

    private final ImportPlan plan;
    private final int[] order;
    private final java.util.function.IntPredicate textless;
    private final ExecutorService workers;
    private final ArrayDeque<Future<Prepared[]>> inFlight = new ArrayDeque<>();
    private int submitted;
    private Prepared[] current = new Prepared[0];
    private int inCurrent;

    /** Texts for {@code order}'s comments; those {@code textless} (tombstones) get none. */
    TextPipeline(ImportPlan plan, int[] order, java.util.function.IntPredicate textless) {
        this.plan = plan;
        this.order = order;
        this.textless = textless;
        this.workers = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), work -> {
            Thread thread = new Thread(work, "import-text");
            thread.setDaemon(true);
            return thread;
        });
        while (inFlight.size() < AHEAD && submitted < order.length) {
            submit();
        }
    }

    /** The next comment's texts, in order (each asked for once). */
    Prepared next() {
        if (inCurrent == current.length) {
            Future<Prepared[]> head = inFlight.poll();
            if (head == null) {
                throw new IllegalStateException("more texts asked for than comments planned");
            }
            try {
                current = head.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Could not convert a comment's text", e.getCause());
            }
            inCurrent = 0;
            if (submitted < order.length) {
                submit();
            }
        }
        return current[inCurrent++];
    }

    private void submit() {
        int from = submitted;
        int to = Math.min(order.length, from + CHUNK);
        submitted = to;
        ImportedText.Format format = plan.format();
        inFlight.add(workers.submit(() -> {
            Prepared[] prepared = new Prepared[to - from];
            for (int k = from; k < to; k++) {
                int i = order[k];
                Spill.Texts texts = plan.texts(i);
                if (textless.test(i)) {
                    prepared[k - from] = texts.guestName().isEmpty() ? SKIPPED : new Prepared("", "", texts.guestName());
                } else {
                    ImportedText.Converted converted = ImportedText.convert(texts.source(), format);
                    prepared[k - from] = new Prepared(converted.html(), converted.text(), texts.guestName());
                }
            }
            return prepared;
        }));
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
