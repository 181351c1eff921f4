package news.forum.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JFR profiles of the server (bench/run --jfr): a recording per workload started and stopped through jcmd, written
 * to bench/results/jfr/name.jfr with a name.txt summary of where the CPU samples fall (top frames, and every method
 * on the stack, so a whole call such as the JDBC round trip or JSON writing shows as one line), and the GC and
 * socket-read totals. Without --jfr, start and stop do nothing.
 */
final class Profile {

    private final boolean enabled;
    private final Path dir;
    private final Server server;

    Profile(boolean enabled, Path dir, Server server) {
        this.enabled = enabled;
        this.dir = dir;
        this.server = server;
    }

    /** Whether this run profiles (--jfr). */
    boolean enabled() {
        return enabled;
    }

    void start(String name) throws Exception {
        if (enabled) {
            server.jcmd("JFR.start", "name=" + name, "settings=profile");
        }
    }

    void stop(String name) throws Exception {
        if (enabled) {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".jfr");
            server.jcmd("JFR.stop", "name=" + name, "filename=" + file);
            Files.writeString(dir.resolve(name + ".txt"), summary(file));
        }
    }

    static String summary(Path recording) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        int samples = 0;
        long socketReads = 0;
        long socketReadNanos = 0;
        long gcPauseNanos = 0;
        int gcs = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            String type = event.getEventType().getName();
            switch (type) {
                case "jdk.ExecutionSample" -> {
                    RecordedStackTrace stack = event.getStackTrace();
                    if (stack == null || stack.getFrames().isEmpty()) {
                        continue;
                    }
                    samples++;
                    List<RecordedFrame> frames = stack.getFrames();
                    self.merge(name(frames.get(0)), 1, Integer::sum);
                    Set<String> seen = new HashSet<>();
                    for (RecordedFrame frame : frames) {
                        String name = name(frame);
                        if (seen.add(name)) {
                            total.merge(name, 1, Integer::sum);
                        }
                    }
                    String thread = event.getThread("sampledThread") == null ? "?"
                            : event.getThread("sampledThread").getJavaName();
                    threads.merge(thread == null ? "?" : thread.replaceAll("-?\\d+$", ""), 1, Integer::sum);
                }
                case "jdk.SocketRead" -> {
                    socketReads++;
                    socketReadNanos += event.getDuration().toNanos();
                }
                case "jdk.GarbageCollection" -> {
                    gcs++;
                    gcPauseNanos += event.getDuration("sumOfPauses").toNanos();
                }
                default -> {
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("recording ").append(recording.getFileName()).append(": ").append(samples)
                .append(" CPU samples, ").append(socketReads).append(" socket reads over 10 ms threshold (")
                .append(socketReadNanos / 1_000_000).append(" ms), ").append(gcs).append(" GCs (")
                .append(gcPauseNanos / 1_000_000).append(" ms paused)\n\n");
        append(out, "samples by thread", threads, samples, 8);
        append(out, "top frames (self)", self, samples, 25);
        append(out, "methods on the stack (total), forum code and its direct libraries", filter(total), samples, 40);
        return out.toString();
    }

    private static Map<String, Integer> filter(Map<String, Integer> total) {
        Map<String, Integer> kept = new HashMap<>();
        total.forEach((name, count) -> {
            if (name.startsWith("news.forum") || name.startsWith("org.postgresql") || name.startsWith("com.zaxxer")
                    || name.startsWith("io.micronaut.serde") || name.startsWith("io.micronaut.security")
                    || name.startsWith("io.micronaut.transaction") || name.startsWith("io.micronaut.http.server")
                    || name.startsWith("org.commonmark") || name.startsWith("org.owasp")
                    || name.startsWith("io.netty.handler.codec.http") || name.startsWith("com.nimbusds")) {
                kept.put(name, count);
            }
        });
        return kept;
    }

    private static void append(StringBuilder out, String title, Map<String, Integer> counts, int samples, int limit) {
        out.append(title).append(":\n");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(limit)
                .forEach(e -> out.append(String.format("  %5.1f %%  %s%n", 100.0 * e.getValue() / Math.max(1, samples),
                        e.getKey())));
        out.append('\n');
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
