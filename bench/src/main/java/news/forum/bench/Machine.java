package news.forum.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The machine a run was measured on: cores, CPU, memory, kernel, JDK, PostgreSQL, and how loaded it was. */
final class Machine {

    private Machine() {
    }

    static Map<String, Object> describe(Connection db) throws IOException, SQLException {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("cpu", Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                .findFirst().orElse("unknown"));
        machine.put("memory_gib", Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(l -> l.startsWith("MemTotal:"))
                .map(l -> Math.round(Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0 * 10) / 10.0)
                .findFirst().orElse(0.0));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("postgresql", Data.singleText(db, "SELECT version()"));
        machine.put("load_average_at_start", loadAverage(0));
        machine.put("load_averages_at_start", String.join(" ", loadAverages()));
        machine.put("wrk", "wrk -t" + Runtime.getRuntime().availableProcessors() + ", loopback 127.0.0.1");
        return machine;
    }

    /** The 1-, 5- and 15-minute load averages of /proc/loadavg. */
    static String[] loadAverages() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
        return new String[]{fields[0], fields[1], fields[2]};
    }

    static String loadAverage(int which) throws IOException {
        return loadAverages()[which];
    }
}
