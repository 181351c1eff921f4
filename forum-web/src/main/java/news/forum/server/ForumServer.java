package news.forum.server;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The forum's executable: {@code forum [COMMAND] [ARGS...]}. No command (or options only) is {@code serve}: the JSON
 * API, the embeddable widget and its pages, on one port. Each command is a class of its own.
 */
public final class ForumServer {

    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("serve", new ServeCommand());
        COMMANDS.put("import", new ImportCommand());
        COMMANDS.put("export", new ExportCommand());
        COMMANDS.put("backup", new BackupCommand());
        COMMANDS.put("restore", new RestoreCommand());
    }

    private ForumServer() {
    }

    public static void main(String[] args) {
        boolean named = args.length > 0 && !args[0].startsWith("-");
        String name = named ? args[0] : "serve";
        Command command = COMMANDS.get(name);
        if (command == null || (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h")))) {
            usage(command == null && !name.equals("help") ? "forum: no command '" + name + "'" : null);
            return;
        }
        command.run(named ? Arrays.copyOfRange(args, 1, args.length) : args);
    }

    /** Prints what the executable does; with a complaint, to standard error and exit status 2. */
    static void usage(String complaint) {
        StringBuilder text = new StringBuilder("Usage: forum [COMMAND] [ARGS...]\n\nCommands:\n");
        COMMANDS.forEach((name, command) -> text.append(String.format("  %-10s %s%n", name, command.summary())));
        text.append("\nWith no command, forum serves. Settings come from the environment (README, Configuration).\n");
        if (complaint == null) {
            System.out.print(text);
            return;
        }
        System.err.print(complaint + "\n\n" + text);
        System.exit(2);
    }
}
