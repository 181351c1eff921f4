package news.forum;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;

/**
 * The API's OpenAPI description. The document is generated from the *Operations interfaces at compile time
 * (micronaut-openapi; settings in src/main/openapi/), served at {@code /openapi.yml}, linted and turned into a client
 * by the build. {@code forum.version} is the project's version.
 */
@OpenAPIDefinition(
        info = @Info(title = "Forum API", version = "${forum.version}",
                description = """
                        A discussion engine with threaded replies for news sites: articles and their threads, comments \
                        nested to any depth, votes, flags, live events, and the moderators' tools.

                        Operations that need an account name the `bearer` scheme (an access token from \
                        `POST /api/v1/auth/login`); the others are public, and a public read with a token also shows \
                        the caller's own held comments (and, to moderators, what they review). Every error is an \
                        RFC 9457 problem (`application/problem+json`). Besides the statuses each operation lists, any \
                        request may get a `405` or `406` problem for a wrong method or `Accept` header, and a `503` \
                        problem with `Retry-After` while the database is out of reach.""",
                license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        servers = @Server(url = "/", description = "The forum server that serves this document"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "An access token from POST /api/v1/auth/login or /api/v1/auth/refresh")
public final class ForumApi {
    private ForumApi() {
    }
}
