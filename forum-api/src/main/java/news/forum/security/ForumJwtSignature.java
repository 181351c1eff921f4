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

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
        return SecretFiles.readOrCreate(file, "a JWT signing secret",
                stored -> stored.trim().getBytes(StandardCharsets.UTF_8).length >= MINIMUM_BYTES,
                () -> {
                    byte[] random = new byte[48];
                    new SecureRandom().nextBytes(random);
                    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
                }).trim();
    }
}
