package news.forum.account;

import io.micronaut.core.annotation.Nullable;

/**
 * A reader as the publisher's signed token names them: who vouches ({@code issuer}), the publisher's stable id of
 * the reader ({@code subject}), the username they would like, the name to show, and an e-mail the publisher verified.
 */
public record ExternalIdentity(String issuer, String subject, @Nullable String username, @Nullable String name,
                               @Nullable String email) {
}
