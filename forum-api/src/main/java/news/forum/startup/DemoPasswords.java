package news.forum.startup;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import news.forum.database.DatabaseSettings;
import news.forum.security.SecretFiles;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The demo accounts' passwords: generated once per data directory and kept there ({@code demo-passwords}, readable by
 * its owner only, like the generated JWT secret), printed in the log at every demo start, written nowhere else.
 */
@Singleton
@Requires(property = DemoMode.PROPERTY, value = "true")
public class DemoPasswords {

    /** Lower-case letters and digits that no font confuses with each other, in groups of four: easy to type from a log. */
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Path publisherFile;
    private Map<String, String> passwords;
    private Map<String, String> publisherPasswords;

    DemoPasswords(DatabaseSettings database) {
        this.file = database.dataDirectory().resolve("demo-passwords");
        this.publisherFile = database.dataDirectory().resolve("demo-publisher-passwords");
    }

    /** The demo account's password (for tests: read from where the server keeps it). */
    public synchronized String of(String username) {
        if (passwords == null) {
            passwords = kept(file, "the demo accounts' passwords",
                    DemoData.ACCOUNTS.stream().map(DemoData.DemoAccount::username).toList());
        }
        return passwordIn(passwords, username);
    }

    /**
     * The password of one of the demo publisher's readers (its own accounts, not the forum's: {@code readers} names
     * them all), generated and kept as the demo accounts' are, in a file of their own ({@code demo-publisher-passwords}).
     */
    public synchronized String ofPublisherReader(String username, List<String> readers) {
        if (publisherPasswords == null || !publisherPasswords.keySet().containsAll(readers)) {
            publisherPasswords = kept(publisherFile, "the demo publisher's readers' passwords", readers);
        }
        return passwordIn(publisherPasswords, username);
    }

    private static Map<String, String> kept(Path file, String what, List<String> names) {
        String text = SecretFiles.readOrCreate(file, what,
                stored -> parse(stored).keySet().containsAll(names),
                () -> names.stream().map(name -> name + " " + generate()).collect(Collectors.joining("\n", "", "\n")));
        return parse(text);
    }

    private static String passwordIn(Map<String, String> passwords, String username) {
        String password = passwords.get(username);
        if (password == null) {
            throw new IllegalArgumentException("'" + username + "' is no demo account");
        }
        return password;
    }

    Path file() {
        return file;
    }

    /** One line per account: the name, a space, the password. */
    private static Map<String, String> parse(String text) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String[] parts = line.trim().split(" ", 2);
            if (parts.length == 2 && !parts[1].isBlank()) {
                parsed.put(parts[0], parts[1].trim());
            }
        }
        return parsed;
    }

    private static String generate() {
        StringBuilder password = new StringBuilder(19);
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                password.append('-');
            }
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
