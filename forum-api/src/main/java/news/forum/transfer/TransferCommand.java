package news.forum.transfer;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code import} and {@code export} subcommands of the server's executable. They work on the configured database
 * like the server (the embedded data directory, which no server may be running on, or an external PostgreSQL, which
 * servers may share meanwhile), in a context of their own without the HTTP server, the demo data or the first admin.
 */
public final class TransferCommand {

    static final String USAGE = """
            usage: forum import disqus FILE.xml [--key-from identifier|url] [--dry-run]
                   forum import wordpress FILE.xml [--key-from identifier|url] [--dry-run]
                   forum import forum FILE.jsonl [--dry-run]
                   forum export FILE.jsonl""";

    /** Exit codes: done; the file is malformed or the work failed; the command or the database cannot be used. */
    static final int OK = 0;
    static final int FAILED = 1;
    static final int UNUSABLE = 2;

    private final PrintStream out;
    private final PrintStream err;

    TransferCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs {@code import ARGS} or {@code export ARGS}; the process's exit code. */
    public static int run(String command, String... args) {
        // read by logback.xml when the first logger is made, which is after this
        System.setProperty("forum.log.root-level", "warn");
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(args));
        return new TransferCommand(System.out, System.err).execute(all);
    }

    int execute(List<String> args) {
        Parsed parsed;
        try {
            parsed = Parsed.of(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return UNUSABLE;
        }
        if (!Files.isReadable(parsed.file()) && !parsed.export()) {
            err.println("Cannot read " + parsed.file());
            return UNUSABLE;
        }
        if (parsed.dryRun() && parsed.kind() != null) {
            // parse and report: no database is opened at all
            return sourceImport(null, parsed);
        }
        try (ApplicationContext context = open()) {
            if (context == null) {
                return UNUSABLE;
            }
            if (parsed.export()) {
                return export(context, parsed);
            }
            if (parsed.kind() == null) {
                return forumImport(context, parsed);
            }
            return sourceImport(context, parsed);
        } catch (ConfigurationException e) {
            err.println(e.getMessage());
            return UNUSABLE;
        } catch (RuntimeException e) {
            err.println("Stopped: " + describe(e));
            err.println("What was written before is committed; running the same command again completes it.");
            return FAILED;
        }
    }

    private int sourceImport(ApplicationContext context, Parsed parsed) {
        Progress progress = progress();
        SourceImport.Request request = new SourceImport.Request(parsed.kind(), parsed.file(), parsed.keyFrom(),
                parsed.dryRun());
        SourceImport importer = context == null ? new SourceImport(null, null, null, null, null, null, null)
                : context.getBean(SourceImport.class);
        long started = System.nanoTime();
        SourceImport.Outcome outcome = importer.run(request, progress);
        progress.finish();
        double seconds = (System.nanoTime() - started) / 1e9;
        ImportPlan.Report report = outcome.report();
        if (parsed.dryRun()) {
            out.println("Dry run, nothing written: " + parsed.file().getFileName() + " holds " + Summary.counts(report, true));
        } else {
            out.printf(Locale.ROOT, "Imported %s from %s in %.1f s (%,.0f comments a second): %s%n",
                    parsed.file().getFileName(), outcome.source(), seconds, report.commentsWritten / Math.max(seconds, 1e-3),
                    Summary.counts(report));
        }
        if (outcome.malformed() != null) {
            err.println("Stopped at " + parsed.file() + " " + outcome.malformed().describe());
            err.println(parsed.dryRun() ? "Nothing was written (dry run)."
                    : "Committed before stopping: %,d comments (everything complete before that point). Fix the file and run the same import again: it writes what is missing and nothing twice."
                    .formatted(report.commentsWritten));
            return FAILED;
        }
        return OK;
    }

    private int forumImport(ApplicationContext context, Parsed parsed) {
        Progress progress = progress();
        ForumImport.Outcome outcome = context.getBean(ForumImport.class).run(parsed.file(), parsed.dryRun(), progress);
        progress.finish();
        if (outcome.refusal() != null) {
            err.println(outcome.refusal());
            return outcome.alreadyDone() ? OK : UNUSABLE;
        }
        if (outcome.malformed() != null) {
            err.println("Stopped at " + parsed.file() + " " + outcome.malformed().describe());
            err.println("Nothing was written: the whole import is one transaction.");
            return FAILED;
        }
        out.println((parsed.dryRun() ? "Dry run, nothing written: " : "Imported ") + parsed.file().getFileName() + ": "
                + outcome.counts());
        return OK;
    }

    private int export(ApplicationContext context, Parsed parsed) {
        Progress progress = progress();
        String counts = context.getBean(ForumExport.class).run(parsed.file(), progress);
        progress.finish();
        out.println("Exported to " + parsed.file() + ": " + counts);
        return OK;
    }

    /** Without a terminal, a line every FORUM_PROGRESS_SECONDS (3 by default). */
    private Progress progress() {
        long seconds = 3;
        try {
            seconds = Math.max(1, Long.parseLong(System.getenv().getOrDefault("FORUM_PROGRESS_SECONDS", "3")));
        } catch (NumberFormatException ignored) {
            // the default
        }
        return new Progress(out, Progress.standardOutputIsTerminal(), seconds);
    }

    /**
     * The command's own context: the configured database, migrated like the server's; no demo data, no first admin,
     * no statement timeout (a COPY of a batch or an export's cursor may take longer than a request may), and a token
     * secret of its own (it signs no token, so an external database needs no FORUM_JWT_SECRET for it). Null when a
     * server runs on the embedded data directory.
     */
    private ApplicationContext open() {
        byte[] secret = new byte[48];
        new SecureRandom().nextBytes(secret);
        Map<String, Object> properties = Map.of(
                "forum.demo", "false",
                "forum.admin.password", "",
                "forum.jwt.secret", HexFormat.of().formatHex(secret),
                "datasources.default.connection-init-sql", "SET statement_timeout = 0",
                "datasources.default.maximum-pool-size", "4",
                // nobody scrapes a command: no meters, no binders
                "micronaut.metrics.enabled", "false");
        ApplicationContext context = ApplicationContext.builder().properties(properties).deduceEnvironment(false).build();
        Environment environment = context.getEnvironment();
        environment.start();
        String url = environment.getProperty("datasources.default.url", String.class).orElse("");
        if (url.isBlank()) {
            Path dataDirectory = Path.of(environment.getProperty("forum.data-dir", String.class).orElse("forum-data"))
                    .toAbsolutePath().normalize();
            String busy = serverRunningOn(dataDirectory);
            if (busy != null) {
                err.println(busy);
                return null;
            }
            out.println("Database: the embedded PostgreSQL in " + dataDirectory);
        } else {
            out.println("Database: " + url + " (servers may keep running on it)");
        }
        context.start();
        return context;
    }

    /** The reason to stop when a server holds the data directory (the lock a second server stops at), else null. */
    static String serverRunningOn(Path dataDirectory) {
        Path lockFile = dataDirectory.resolve("instance.lock");
        if (!Files.exists(lockFile)) {
            return null;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return "A forum server is running on the data directory " + dataDirectory + " (it holds "
                        + lockFile.getFileName() + "). Stop it first: the embedded PostgreSQL serves one process at a "
                        + "time. With an external PostgreSQL (DATASOURCES_DEFAULT_URL) servers may keep running.";
            }
            lock.release();
            return null;
        } catch (IOException e) {
            return "Cannot open " + lockFile + ": " + e.getMessage();
        }
    }

    private static String describe(Throwable e) {
        List<String> messages = new ArrayList<>();
        for (Throwable at = e; at != null && messages.size() < 3; at = at.getCause()) {
            if (at.getMessage() != null && !messages.contains(at.getMessage())) {
                messages.add(at.getMessage());
            }
        }
        return String.join(": ", messages);
    }

    /** The command line, checked. */
    record Parsed(boolean export, SourceImport.Kind kind, Path file, SourceImport.KeyFrom keyFrom, boolean dryRun) {

        static Parsed of(List<String> args) {
            List<String> words = new ArrayList<>();
            SourceImport.KeyFrom keyFrom = SourceImport.KeyFrom.IDENTIFIER;
            boolean dryRun = false;
            boolean keyFromGiven = false;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.equals("--dry-run")) {
                    dryRun = true;
                } else if (arg.equals("--key-from") || arg.startsWith("--key-from=")) {
                    String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1)
                            : i + 1 < args.size() ? args.get(++i) : "";
                    keyFrom = switch (value) {
                        case "identifier" -> SourceImport.KeyFrom.IDENTIFIER;
                        case "url" -> SourceImport.KeyFrom.URL;
                        default -> throw new IllegalArgumentException("--key-from takes identifier or url, not '" + value + "'");
                    };
                    keyFromGiven = true;
                } else if (arg.startsWith("--")) {
                    throw new IllegalArgumentException("Unknown option " + arg);
                } else {
                    words.add(arg);
                }
            }
            if (words.isEmpty()) {
                throw new IllegalArgumentException("No command");
            }
            if (words.get(0).equals("export")) {
                if (words.size() != 2 || dryRun || keyFromGiven) {
                    throw new IllegalArgumentException("export takes one file and no option");
                }
                return new Parsed(true, null, Path.of(words.get(1)), keyFrom, false);
            }
            if (!words.get(0).equals("import") || words.size() != 3) {
                throw new IllegalArgumentException("import takes a format (disqus, wordpress or forum) and one file");
            }
            SourceImport.Kind kind = switch (words.get(1)) {
                case "disqus" -> SourceImport.Kind.DISQUS;
                case "wordpress" -> SourceImport.Kind.WORDPRESS;
                case "forum" -> null;
                default -> throw new IllegalArgumentException("Unknown format '" + words.get(1) + "': disqus, wordpress or forum");
            };
            if (kind == null && keyFromGiven) {
                throw new IllegalArgumentException("import forum keeps every article's key: --key-from does not apply");
            }
            return new Parsed(false, kind, Path.of(words.get(2)), keyFrom, dryRun);
        }
    }
}
