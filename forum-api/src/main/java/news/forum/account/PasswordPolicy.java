package news.forum.account;

import news.forum.text.TextRules;
import news.forum.web.ProblemException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 12 to 128 characters of any Unicode, never truncated (the cap keeps Argon2 from being fed megabytes);
 * refused when it is a known common password, the username, or too repetitive to resist a guess.
 */
final class PasswordPolicy {

    static final int MINIMUM_LENGTH = 12;
    static final int MAXIMUM_LENGTH = 128;
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    static void check(String password, String username) {
        TextRules.clean("password", password);
        int length = TextRules.length(password);
        if (length < MINIMUM_LENGTH || length > MAXIMUM_LENGTH) {
            throw ProblemException.invalidField("password", "must be 12 to 128 characters long");
        }
        String folded = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(folded)) {
            throw weak("is one of the most common passwords");
        }
        if (UsernameRules.key(password).equals(UsernameRules.key(username))) {
            throw weak("must not be the username");
        }
        if (password.codePoints().distinct().count() < 5) {
            throw weak("repeats too few different characters");
        }
    }

    private static ProblemException weak(String why) {
        return ProblemException.unprocessable("weak-password", "Password too easy to guess", "The password " + why + ".");
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the classpath");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
