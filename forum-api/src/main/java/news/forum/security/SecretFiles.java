package news.forum.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Secrets the server makes for itself and keeps in its data directory (the JWT signing key, the demo's passwords):
 * read when present and usable, otherwise generated once, written whole (a rename) and readable by the owner only.
 */
public final class SecretFiles {

    private SecretFiles() {
    }

    private static final Logger LOG = LoggerFactory.getLogger(SecretFiles.class);

    /** The file's text when {@code usable}; otherwise {@code generate}'s, written to the file first and logged as {@code what}. */
    public static String readOrCreate(Path file, String what, Predicate<String> usable, Supplier<String> generate) {
        try {
            if (Files.exists(file)) {
                String stored = Files.readString(file, StandardCharsets.UTF_8);
                if (usable.test(stored)) {
                    return stored;
                }
            }
            Files.createDirectories(file.getParent());
            String created = generate.get();
            Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            trySetOwnerOnly(temporary);
            Files.writeString(temporary, created, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Generated {} in {}", what, file);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create " + file, e);
        }
    }

    private static void trySetOwnerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system: the directory's own permissions apply
        }
    }
}
