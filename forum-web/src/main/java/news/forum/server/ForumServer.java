package news.forum.server;

import io.micronaut.runtime.Micronaut;

import java.util.Arrays;
import java.util.List;

/**
 * The forum's executable: {@code forum [serve]} starts the server (the JSON API, the embeddable widget and its pages,
 * on one port); {@code forum COMMAND ARGS...} runs a maintenance command with the server's settings and exits.
 */
public final class ForumServer {

    private ForumServer() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 || args[0].startsWith("-") ? "serve" : args[0];
        List<String> rest = args.length == 0 ? List.of() : Arrays.asList(args).subList(command.equals(args[0]) ? 1 : 0, args.length);
        switch (command) {
            case "serve" -> serve(rest.toArray(String[]::new));
            case "backup" -> System.exit(BackupCommand.run(rest));
            case "restore" -> System.exit(RestoreCommand.run(rest));
            default -> {
                System.err.println("usage: forum [serve] | forum backup FILE | forum restore FILE");
                System.exit(2);
            }
        }
    }

    private static void serve(String[] args) {
        Micronaut.build(args)
                .mainClass(ForumServer.class)
                .banner(false)
                .start();
    }
}
