package news.forum.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import news.forum.database.DatabaseSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The HS256 key that signs and verifies access tokens. From FORUM_JWT_SECRET when set (every instance of a
 * cluster shares it); on the embedded default, generated once and kept beside the data so tokens survive a
 * restart. Resolved at start-up so a missing or weak secret stops the server at once, with the reason.
 * Being the one signature configuration, it also makes the validator refuse unsigned ({@code alg: none}) tokens.
 */
@Context
@Named("generator")
final class ForumJwtSignature implements SignatureGeneratorConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ForumJwtSignature.class);
    static final int MINIMUM_BYTES = 32;

    private final SecretSignature signature;

    ForumJwtSignature(@Nullable @Value("${forum.jwt.secret:}") String configured, DatabaseSettings database) {
        SecretSignatureConfiguration configuration = new SecretSignatureConfiguration("generator");
        configuration.setJwsAlgorithm(JWSAlgorithm.HS256);
        configuration.setSecret(resolve(configured, database));
        this.signature = new SecretSignature(configuration);
    }

    @Override
    public SignedJWT sign(JWTClaimsSet claims) throws JOSEException {
        return signature.sign(claims);
    }

    @Override
    public String supportedAlgorithmsMessage() {
        return signature.supportedAlgorithmsMessage();
    }

    @Override
    public boolean supports(JWSAlgorithm algorithm) {
        return signature.supports(algorithm);
    }

    @Override
    public boolean verify(SignedJWT jwt) throws JOSEException {
        return signature.verify(jwt);
    }

    private static String resolve(String configured, DatabaseSettings database) {
        if (configured != null && !configured.isBlank()) {
            if (configured.getBytes(StandardCharsets.UTF_8).length < MINIMUM_BYTES) {
                throw new ConfigurationException("FORUM_JWT_SECRET is too short: it must be at least 256 bits "
                        + "(32 bytes), e.g. the output of `openssl rand -base64 48`.");
            }
            return configured;
        }
        if (!database.embedded()) {
            throw new ConfigurationException("FORUM_JWT_SECRET must be set when an external PostgreSQL is used: "
                    + "every instance must sign tokens with the same secret of at least 256 bits.");
        }
        return storedSecret(database.dataDirectory().resolve("jwt-secret"));
    }

    private static String storedSecret(Path file) {
        try {
            if (Files.exists(file)) {
                String stored = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (stored.getBytes(StandardCharsets.UTF_8).length >= MINIMUM_BYTES) {
                    return stored;
                }
            }
            Files.createDirectories(file.getParent());
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Path temporary = Files.createTempFile(file.getParent(), "jwt-secret", ".tmp");
            Files.writeString(temporary, secret, StandardCharsets.UTF_8);
            trySetOwnerOnly(temporary);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Generated a JWT signing secret in {}", file);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the JWT secret in " + file, e);
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
