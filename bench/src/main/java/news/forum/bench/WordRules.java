package news.forum.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Workload 7, word rules: the server's matcher in a JVM of its own with default settings, as the server runs (see
 * WordRulesBench, which prints its figures); it must find a rule planted in the text and none in the clean text.
 */
final class WordRules implements Workload {

    @Override
    public String name() {
        return "word-rules";
    }

    @Override
    public void run(Suite suite) throws Exception {
        // the bench's own class path: its classes and the server's jar (bench/run)
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WordRulesBench.class.getName()));
        if (suite.plan.smoke()) {
            command.add("--smoke");
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            suite.fail("word rules: the measuring JVM failed: " + output);
            return;
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                figures.put(line.substring(0, eq), Double.parseDouble(line.substring(eq + 1).trim()));
            }
        }
        if (!Double.valueOf(1).equals(figures.get("correct"))) {
            suite.fail("word rules: the matcher missed the planted rule or found one that is not there: " + output);
        }
        figures.put("what", "A 10,000-character comment checked against 10,000 word rules by the server's matcher"
                + " (fold, then one Aho-Corasick pass), median of timed batches after a warm-up, in a default JVM");
        suite.put("word_rules", figures);
        suite.say(String.format(Locale.ROOT, "word rules: %.0f us per check (plain scan %.1f us, fold alone %.0f us,"
                        + " naive %.0f us), compile %.0f ms", figures.get("check_us"), figures.get("plain_scan_us"),
                figures.get("fold_only_us"), figures.get("naive_one_search_per_rule_us"), figures.get("compile_ms")));
    }
}
