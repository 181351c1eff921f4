package news.forum.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/**
 * An access token must say when it ends: Micronaut's expiration check passes a token with no {@code exp}, which would
 * then be good for ever, however it came to be signed. (A future {@code nbf} is refused by the not-before check,
 * switched on in application.yml.)
 */
@Singleton
final class ExpiringTokensOnly<T> implements GenericJwtClaimsValidator<T> {

    @Override
    public boolean validate(Claims claims, @Nullable T request) {
        return claims.get(Claims.EXPIRATION_TIME) != null;
    }
}
