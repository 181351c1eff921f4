package news.forum.transfer;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator sees while an import runs: on a terminal one bar redrawn in place (records read, comments written,
 * the rate, time left from the position), without one whole lines (TransferIT reads those from the command's own
 * process). The clock is the test's, so the rates are exact.
 */
class ProgressTest {

    private static final long SECOND = 1_000_000_000L;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong clock = new AtomicLong(10_000 * SECOND);

    private String shown() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private void at(double seconds) {
        clock.set(10_000 * SECOND + (long) (seconds * SECOND));
    }

    @Test
    void onATerminalOneBarIsRedrawnInPlaceWithCountsRateAndTimeLeft() {
        Progress progress = new Progress(out, true, 3, clock::get);
        at(1);
        progress.reading(10, 100, 1_000);
        at(1.1);
        progress.reading(20, 150, 1_000); // within the redraw interval: not drawn
        at(3);
        progress.reading(500, 400, 1_000);
        progress.readingDone(1_000);
        at(4);
        progress.writing(0, 800);
        at(6);
        progress.writing(200, 800);
        at(6.1);
        progress.writing(800, 800);
        progress.finish();

        assertThat(shown()).isEqualTo(
                "\rreading [##......................]  10%  read 10 records    0 s left\u001b[K"
                        + "\rreading [##########..............]  40%  read 500 records  250/s  3 s left\u001b[K"
                        + "\rreading [########################] 100%  read 1,000 records  500/s\u001b[K\n"
                        + "\rwriting [........................]   0%  read 1,000 records, written 0 of 800 comments\u001b[K"
                        + "\rwriting [######..................]  25%  read 1,000 records, written 200 of 800 comments  100/s  6 s left\u001b[K"
                        + "\rwriting [########################] 100%  read 1,000 records, written 800 of 800 comments  381/s\u001b[K\n");
    }

    @Test
    void withoutATerminalALineAtMostEveryIntervalAndAtEachPhaseAndTheEnd() {
        Progress progress = new Progress(out, false, 5, clock::get);
        for (int i = 1; i <= 1_000; i++) {
            at(i / 100.0); // ten seconds of reading: a line at 0.01 s and at 5.01 s
            progress.reading(i, i, 1_000);
        }
        progress.readingDone(1_000);
        for (int i = 0; i <= 800; i += 100) {
            at(10 + i / 100.0);
            progress.writing(i, 800);
        }
        progress.finish();

        assertThat(shown()).doesNotContain("\r", "\u001b");
        assertThat(shown().lines()).satisfiesExactly(
                line -> assertThat(line).isEqualTo("reading [........................]   0%  read 1 records    0 s left"),
                line -> assertThat(line).isEqualTo("reading [############............]  50%  read 501 records  100/s  5 s left"),
                line -> assertThat(line).isEqualTo("reading [########################] 100%  read 1,000 records  100/s"),
                line -> assertThat(line).isEqualTo("writing [........................]   0%  read 1,000 records, written 0 of 800 comments"),
                line -> assertThat(line).isEqualTo("writing [###############.........]  63%  read 1,000 records, written 500 of 800 comments  100/s  3 s left"),
                line -> assertThat(line).isEqualTo("writing [########################] 100%  read 1,000 records, written 800 of 800 comments  100/s"));
    }
}
