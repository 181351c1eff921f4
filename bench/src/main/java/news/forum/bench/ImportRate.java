package news.forum.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 15's import rate and memory: a generated Disqus export (1,000,000 comments in 5,000 threads by 5,000 authors,
 * a third of them replies, HTML with links and markup; 20,000 in the smoke run) imported by {@code forum import
 * disqus} in its own process with a 256 MiB heap into a fresh embedded database, against the same file parsed and
 * planned only ({@code --dry-run}, no database; the texts are sanitised while they are written): the baseline that
 * shows what the writing costs. The import's peak
 * resident memory is read from /proc while it runs; with --jfr the import is profiled into jfr/import.jfr.
 */
final class ImportRate implements Workload {

    private static final Pattern RATE = Pattern.compile("in ([0-9.]+) s \\(([0-9,]+) comments a second\\)");
    private static final Pattern WRITTEN = Pattern.compile("([0-9,]+) comments written");
    private static final Pattern PLANNED = Pattern.compile("holds ([0-9,]+) comments to write");

    @Override
    public String name() {
        return "import";
    }

    @Override
    public void run(Suite suite) throws Exception {
        int comments = suite.plan.smoke() ? 20_000 : 1_000_000;
        Path work = Files.createTempDirectory("forum-bench-import");
        Path file = work.resolve("disqus.xml");
        write(file, comments, Math.max(10, comments / 200), 5_000);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("comments", comments);
        figures.put("file_mib", Files.size(file) / (1024.0 * 1024.0));

        long dryStart = System.nanoTime();
        String dry = command(suite, work, null, "import", "disqus", file.toString(), "--dry-run").output();
        double drySeconds = (System.nanoTime() - dryStart) / 1e9;
        Matcher planned = PLANNED.matcher(dry);
        if (!planned.find() || Long.parseLong(planned.group(1).replace(",", "")) != comments) {
            suite.fail("import: the dry run did not plan " + comments + " comments: " + dry);
        }

        long start = System.nanoTime();
        Path recording = suite.profile.enabled() ? suite.results.resolve("jfr/import.jfr") : null;
        Run run = command(suite, work, recording, "import", "disqus", file.toString());
        String out = run.output();
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        if (recording != null) {
            Files.writeString(suite.results.resolve("jfr/import.txt"), Profile.summary(recording));
        }
        Matcher rate = RATE.matcher(out);
        Matcher written = WRITTEN.matcher(out);
        if (!rate.find() || !written.find()) {
            suite.fail("import: no summary in the command's output: " + out);
            return;
        }
        long count = Long.parseLong(written.group(1).replace(",", ""));
        if (count != comments) {
            suite.fail("import: " + count + " comments written of " + comments);
        }
        double importSeconds = Double.parseDouble(rate.group(1));
        double perSecond = count / importSeconds;
        String again = command(suite, work, null, "import", "disqus", file.toString()).output();
        Matcher second = WRITTEN.matcher(again);
        if (!second.find() || !second.group(1).equals("0")) {
            suite.fail("import: a second run wrote comments again: " + again);
        }
        figures.put("comments_per_second", perSecond);
        figures.put("import_seconds", importSeconds);
        figures.put("process_seconds", wallSeconds);
        figures.put("dry_run_process_seconds", drySeconds);
        figures.put("import_vs_dry_run_process", drySeconds / wallSeconds);
        figures.put("heap", "-Xmx256m");
        figures.put("peak_rss_mib", run.peakKib() / 1024.0);
        figures.put("what", "forum import disqus in its own process into a fresh embedded PostgreSQL (fsync on); the rate"
                + " is the command's own (reading, planning and writing, without the JVM's and PostgreSQL's start)");
        suite.put("import", figures);
        suite.say(String.format(java.util.Locale.ROOT, "import: %,d comments in %.1f s: %,.0f a second (process %.1f s; dry run %.1f s; peak RSS %.0f MiB)",
                count, importSeconds, perSecond, wallSeconds, drySeconds, run.peakKib() / 1024.0));
        deleteTree(work);
    }

    /** What a command printed, and its peak resident memory (VmHWM, read while it ran). */
    private record Run(String output, long peakKib) {
    }

    private static Run command(Suite suite, Path work, Path recording, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m"));
        if (recording != null) {
            Files.createDirectories(recording.getParent());
            command.add("-XX:StartFlightRecording=settings=profile,filename=" + recording);
        }
        command.addAll(List.of("-jar", suite.root.resolve("forum-web/target/forum-web.jar").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("DATASOURCES_") || key.startsWith("FORUM_"));
        builder.environment().put("FORUM_DATA_DIR", work.resolve("data").toString());
        Path log = work.resolve("command.log");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        long peakKib = 0;
        while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
            peakKib = Math.max(peakKib, peakKib(process.pid()));
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("the import did not end within 30 minutes");
            }
        }
        String output = Files.readString(log);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("forum " + String.join(" ", args) + " exited " + process.exitValue() + ": " + output);
        }
        return new Run(output, peakKib);
    }

    /** The process's peak resident set so far (Linux's VmHWM), 0 once it is gone. */
    private static long peakKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // ended between two looks
        }
        return 0;
    }

    /** A Disqus export as Disqus writes one: threads first, then posts in time order. */
    static void write(Path file, int comments, int threads, int authors) throws IOException {
        Instant t0 = Instant.parse("2015-01-01T00:00:00Z");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<disqus xmlns=\"http://disqus.com\" "
                    + "xmlns:dsq=\"http://disqus.com/disqus-internals\">\n");
            for (int t = 0; t < threads; t++) {
                out.write("<thread dsq:id=\"" + (1_000_000 + t) + "\"><id>article-" + t + "</id><forum>bench</forum>"
                        + "<link>https://news.example/2015/article-" + t + "</link><title>Article " + t + "</title>"
                        + "<createdAt>" + t0 + "</createdAt><isClosed>" + (t % 10 == 0) + "</isClosed>"
                        + "<isDeleted>false</isDeleted></thread>\n");
            }
            long[] lastInThread = new long[threads];
            for (int c = 0; c < comments; c++) {
                int t = (int) ((c * 2_654_435_761L) % threads);
                long id = 10_000_000L + c;
                int author = (c * 7) % authors;
                out.write("<post dsq:id=\"" + id + "\"><id/><message><![CDATA[<p>Comment " + c + " on article " + t
                        + ": <b>strong words</b> and a link <a href=\"https://example.org/" + c + "\">here</a>.</p>"
                        + "<p>A second paragraph with a little more text, as readers write.</p>]]></message>"
                        + "<createdAt>" + t0.plusSeconds(c) + "</createdAt><isDeleted>false</isDeleted><isSpam>" + (c % 100 == 3) + "</isSpam><author><email>reader" + author
                        + "@readers.example</email><name>Reader " + author + "</name><isAnonymous>false</isAnonymous>"
                        + "<username>reader" + author + "</username></author><ipAddress>127.0.0.1</ipAddress>"
                        + "<thread dsq:id=\"" + (1_000_000 + t) + "\"/>");
                if (c % 3 == 1 && lastInThread[t] != 0) {
                    out.write("<parent dsq:id=\"" + lastInThread[t] + "\"/>");
                }
                out.write("</post>\n");
                lastInThread[t] = id;
            }
            out.write("</disqus>\n");
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
