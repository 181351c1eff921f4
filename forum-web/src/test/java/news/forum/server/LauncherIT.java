package news.forum.server;

import io.micronaut.json.JsonMapper;
import news.forum.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The distribution's launcher, target/forum/bin/forum, started as README's first command starts it. */
class LauncherIT {

    private static final Duration START = Duration.ofSeconds(300);
    private final JsonMapper json = JsonMapper.createDefault();

    @TempDir
    Path data;

    @TempDir
    Path elsewhere;

    /** The launcher finds Java through JAVA_HOME here (the distribution has no runtime of its own). */
    private static Map<String, String> javaHome() {
        return Map.of("JAVA_HOME", System.getProperty("java.home"));
    }

    @Test
    void theLauncherStartsTheServerWithTheOptionsOfConfJvmOptionsThroughASymbolicLink() throws Exception {
        Path link = Files.createSymbolicLink(elsewhere.resolve("forum"), ServerProcess.launcher());
        List<String> options = Files.readAllLines(ServerProcess.launcher().getParent().resolveSibling("conf").resolve("jvm.options"))
                .stream().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        assertThat(options).contains("-Xmx256m");
        try (ServerProcess server = ServerProcess.startCommand(data, javaHome(), List.of(link.toString()))) {
            assertThat(server.awaitLine("Server Running", START)).as(server.output()).isTrue();
            new Api(server.base(), json).get("/health").expectStatus(200);
            // after the script's exec the server is the launched process itself: a service manager's signals reach it
            List<String> arguments = List.of(ProcessHandle.of(server.pid()).orElseThrow().info().arguments().orElseThrow());
            assertThat(arguments).containsSubsequence(options);
            assertThat(arguments.subList(arguments.size() - 2, arguments.size()))
                    .containsExactly("-jar", ServerProcess.launcher().getParent().resolveSibling("lib").resolve("forum-web.jar").toString());
        }
    }

    @Test
    void helpListsTheCommandsAndAnUnknownCommandOrOptionIsRefused() throws Exception {
        try (ServerProcess help = ServerProcess.launch(data, javaHome(), "help")) {
            assertThat(help.awaitExit(START)).as(help.output()).isZero();
            assertThat(help.output()).contains("Usage: forum [COMMAND]", "serve").doesNotContain("Server Running");
        }
        try (ServerProcess unknown = ServerProcess.launch(data, javaHome(), "frobnicate")) {
            assertThat(unknown.awaitExit(START)).as(unknown.output()).isEqualTo(2);
            assertThat(unknown.output()).contains("forum: no command 'frobnicate'", "Usage: forum");
        }
        try (ServerProcess typo = ServerProcess.launch(data, javaHome(), "--dmeo")) {
            assertThat(typo.awaitExit(START)).as(typo.output()).isEqualTo(2);
            assertThat(typo.output()).contains("unknown option '--dmeo'").doesNotContain("Server Running");
        }
    }
}
