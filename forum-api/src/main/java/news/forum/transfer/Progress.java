package news.forum.transfer;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Tells how a long transfer goes: on a terminal a bar redrawn in place (records read, comments written, rate, time
 * left from the position in the file), otherwise a line every few seconds; phase changes always get a line.
 */
class Progress {

    private static final long TERMINAL_REDRAW_NANOS = 200_000_000L;
    private static final int BAR = 24;

    private final PrintStream out;
    private final boolean terminal;
    private final long intervalNanos;
    private final LongSupplier clock;
    private long lastShown;
    private long phaseStarted;
    private long records;
    private long written;
    private String phase = "";
    private boolean lineOpen;

    Progress(PrintStream out, boolean terminal, long intervalSeconds) {
        this(out, terminal, intervalSeconds, System::nanoTime);
    }

    /** With the clock given (nanoseconds), so a test sees exact rates. */
    Progress(PrintStream out, boolean terminal, long intervalSeconds, LongSupplier clock) {
        this.out = out;
        this.terminal = terminal;
        this.intervalNanos = terminal ? TERMINAL_REDRAW_NANOS : intervalSeconds * 1_000_000_000L;
        this.clock = clock;
        this.phaseStarted = clock.getAsLong();
    }

    /** Nothing shown: for a caller that reports by itself. */
    static Progress silent() {
        return new Progress(new PrintStream(java.io.OutputStream.nullOutputStream()), false, Long.MAX_VALUE / 2_000_000_000L);
    }

    /** Whether standard output is a terminal (Java 22's Console.isTerminal where there is one). */
    static boolean standardOutputIsTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    void reading(long recordsRead, long position, long size) {
        records = recordsRead;
        enter("reading");
        long now = clock.getAsLong();
        if (now - lastShown < intervalNanos) {
            return;
        }
        lastShown = now;
        double done = size == 0 ? 1 : (double) position / size;
        show(done, "read %,d records".formatted(records), rate(records, now), left(done, now));
    }

    /** The whole file is read: its last state shown. */
    void readingDone(long recordsRead) {
        records = recordsRead;
        lastShown = 0;
        reading(recordsRead, 1, 1);
    }

    void writing(long commentsWritten, long total) {
        written = commentsWritten;
        boolean entered = enter("writing");
        long now = clock.getAsLong();
        if (!entered && now - lastShown < intervalNanos && commentsWritten < total) {
            return;
        }
        lastShown = now;
        double done = total == 0 ? 1 : (double) commentsWritten / total;
        show(done, "read %,d records, written %,d of %,d comments".formatted(records, written, total),
                rate(written, now), left(done, now));
    }

    /** Records moved where the total is unknown (an export): the count and the rate. */
    void records(String name, long count) {
        records = count;
        enter(name);
        long now = clock.getAsLong();
        if (now - lastShown < intervalNanos) {
            return;
        }
        lastShown = now;
        String text = String.format(Locale.ROOT, "%s  %,d records  %s", phase, count, rate(count, now)).stripTrailing();
        if (terminal) {
            out.print("\r" + text + "\u001b[K");
            lineOpen = true;
        } else {
            out.println(text);
        }
        out.flush();
    }

    /** Ends the bar's line. */
    void finish() {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
        out.flush();
    }

    void line(String text) {
        finish();
        out.println(text);
        out.flush();
    }

    private boolean enter(String name) {
        if (phase.equals(name)) {
            return false;
        }
        if (!phase.isEmpty()) {
            finish();
        }
        phase = name;
        phaseStarted = clock.getAsLong();
        lastShown = 0;
        return true;
    }

    private String rate(long count, long now) {
        double seconds = (now - phaseStarted) / 1e9;
        return seconds < 0.05 ? "" : String.format(Locale.ROOT, "%,.0f/s", count / seconds);
    }

    private String left(double done, long now) {
        if (done <= 0 || done >= 1) {
            return "";
        }
        double seconds = (now - phaseStarted) / 1e9 * (1 - done) / done;
        return seconds < 60 ? "%.0f s left".formatted(seconds) : "%d min %02d s left".formatted((long) seconds / 60, (long) seconds % 60);
    }

    private void show(double done, String counts, String rate, String left) {
        int filled = (int) Math.round(Math.min(1, done) * BAR);
        String text = String.format(Locale.ROOT, "%s [%s%s] %3.0f%%  %s  %s  %s", phase, "#".repeat(filled),
                ".".repeat(BAR - filled), Math.min(1, done) * 100, counts, rate, left).stripTrailing();
        if (terminal) {
            out.print("\r" + text + "\u001b[K");
            lineOpen = true;
        } else {
            out.println(text);
        }
        out.flush();
    }
}
