package news.forum.bench;

import org.junit.jupiter.api.Test;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TargetsTest {

    @Test
    void eachTargetIsSetAgainstItsBaselineOfTheSameRun() {
        Map<String, Object> report = fullRun();

        Map<String, Map<String, Object>> targets = byName(Targets.of(report));

        assertThat(targets.get("1").get("measured")).isEqualTo(900.0 / 1500);
        assertThat(targets.get("1").get("met")).isEqualTo(true);
        assertThat(targets.get("2").get("measured")).isEqualTo(2000.0 / 5000);
        assertThat(targets.get("2").get("met")).isEqualTo(false);
        assertThat(targets.get("3").get("measured")).isEqualTo(1000.0 / 2000);
        assertThat(targets.get("3").get("met")).isEqualTo(true);
        // the warm static baseline is the higher of start (4,000) and end (10,000); the lowest read run is 7,000
        assertThat(targets.get("4").get("measured")).isEqualTo(0.7);
        assertThat(targets.get("4").get("met")).isEqualTo(false);
        assertThat(targets.get("4 latency").get("measured")).isEqualTo(3.0 / 2.5);
        assertThat(targets.get("5").get("measured")).isEqualTo(5.5);
        assertThat(targets.get("6").get("measured")).isEqualTo(180.0);
        assertThat(targets.get("6").get("detail").toString()).contains("PostgreSQL beside it: 60 MiB in 7 processes");
        assertThat(targets.get("7").get("met")).isEqualTo(false);
        assertThat(targets.get("8").get("measured")).isEqualTo(1.5);
        assertThat(targets.get("8 5xx").get("measured")).isEqualTo(2.0);
        assertThat(targets.get("8 5xx").get("met")).isEqualTo(false);
        assertThat(targets.get("all").get("measured")).isEqualTo("yes");
        assertThat(targets.get("all").get("met")).isEqualTo(true);
    }

    @Test
    void aWorkloadThatDidNotRunIsNotMeasuredNorMissed() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("plan", "full");

        List<Map<String, Object>> targets = Targets.of(report);

        assertThat(targets).allSatisfy(t -> {
            assertThat(t.get("measured")).isNull();
            assertThat(t.get("met")).isNull();
            assertThat(t.get("detail").toString()).startsWith("not measured in this run");
        });
        assertThat(targets).extracting(t -> t.get("number"))
                .containsSubsequence("1", "2", "3", "4", "4", "5", "6", "7", "8", "8");
    }

    @Test
    void theReportAndTheChartShowWantedMeasuredAndMet() throws Exception {
        Map<String, Object> report = fullRun();
        report.put("targets", Targets.of(report));

        String markdown = Report.markdown(report, "latest");
        String svg = Chart.svg(report);

        assertThat(markdown).contains("| # | target | wanted | measured | met |")
                .contains("| 1 | sequential replies / pgbench's one-client floor of the reply transaction | >= 0.6 | 0.60 "
                        + "(900 a second; floor 1,500) | yes |")
                .contains("| 2 | concurrent replies over 1,000 threads (32 writers) / pgbench's 32-client floor | >= 0.6"
                        + " | 0.40 (2,000 a second; floor 5,000) | **no** |")
                .contains("Load average (1, 5, 15 minutes) at the start 3.1 2.0 1.5, at the end 2.5 2.2 1.6")
                .contains("JVM options `-Xmx64m -XX:+UseSerialGC`")
                .contains("## Login flood");
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getTextContent()).contains("Targets (issue 18)")
                .contains("wanted").contains("measured").contains("load average 3.1 2.0 1.5 at the start");
    }

    @Test
    void theSmokeRunJudgesNoTarget() {
        Map<String, Object> report = fullRun();
        report.put("plan", "smoke");
        report.put("targets", Targets.of(report));

        assertThat(Report.markdown(report, "smoke")).contains("the targets are not judged")
                .doesNotContain("| yes |\n").doesNotContain("**no**");
    }

    /** Targets keyed by number, the second of a number by its subject. */
    private static Map<String, Map<String, Object>> byName(List<Map<String, Object>> targets) {
        Map<String, Map<String, Object>> named = new HashMap<>();
        for (Map<String, Object> t : targets) {
            String number = (String) t.get("number");
            String key = !named.containsKey(number) ? number
                    : number + (t.get("target").toString().contains("5xx") ? " 5xx" : " latency");
            named.put(key, t);
        }
        return named;
    }

    private static Map<String, Object> fullRun() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("plan", "full");
        report.put("started", "2025-01-01T00:00:00Z");
        report.put("machine", new LinkedHashMap<>(Map.of("cores", 2, "cpu", "AMD EPYC", "memory_gib", 23.5,
                "load_averages_at_start", "3.1 2.0 1.5", "load_averages_at_end", "2.5 2.2 1.6")));
        report.put("server", Map.of("command", "java -Xmx64m -XX:+UseSerialGC -jar lib/forum-web.jar",
                "jvm_options_shown", "`-Xmx64m -XX:+UseSerialGC`", "java", "OpenJDK 17", "vm_flags", "UseSerialGC"));
        report.put("baselines", Map.of(
                "static_start", Map.of("rps", 4000.0, "p50", 1.0),
                "static_end", Map.of("rps", 10000.0, "p50", 0.8),
                "pgbench", Map.of("reply_1_client_tps", 1500.0, "reply_32_clients_spread_tps", 5000.0,
                        "reply_32_clients_hot_tps", 600.0)));
        report.put("sequential", Map.of("replies_per_second", 900.0, "counts_add_up", true));
        report.put("concurrent", Map.of(
                "hot_thread", Map.of("replies_per_second", 1000.0, "counts_add_up", true),
                "spread", Map.of("replies_per_second", 2000.0, "counts_add_up", true)));
        report.put("reads", List.of(
                read(1_000, "oldest", "first", 8000, 2.5), read(1_000, "oldest", "deep", 9000, 2.4),
                read(1_000_000, "oldest", "first", 7000, 3.0), read(1_000_000, "oldest", "deep", 8500, 2.6)));
        report.put("whole_thread", Map.of("oldest", Map.of("median_ms", 4.0), "top", Map.of("median_ms", 5.5)));
        report.put("mixed", Map.of("peak_rss_mib", 180.0, "postgres_peak_rss_mib", 60.0, "postgres_processes", 7));
        report.put("startup", Map.of("median_ms", 1600.0, "starts", List.of(1600.0)));
        Map<String, Object> flood = new LinkedHashMap<>(Map.of("read_p50_ratio", 1.5, "login_5xx", 2.0, "read_5xx", 0.0,
                "logins_per_second", 40.0, "login_p50_ms", 700.0, "statuses", Map.of("200", 400, "503", 2)));
        flood.put("reads_before", Map.of("p50", 2.0));
        flood.put("reads_during", Map.of("p50", 3.0));
        flood.put("reads_after", Map.of("p50", 2.1));
        report.put("login_flood", flood);
        return report;
    }

    private static Map<String, Object> read(int size, String sort, String page, double rps, double p50) {
        return Map.of("thread_size", size, "sort", sort, "page", page, "rps", rps, "p50", p50);
    }
}
