package news.forum.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.utils.SecurityService;
import jakarta.inject.Singleton;

/**
 * The request a controller is answering, and who sent it. The routes are declared by the *Operations interfaces,
 * which a typed client implements too, so a controller method takes only what a client sends; the server's side of
 * the request (the verified token, the connection) is read here.
 */
@Singleton
public class CurrentRequest {

    private final SecurityService security;

    CurrentRequest(SecurityService security) {
        this.security = security;
    }

    /** The verified token's authentication; null for an anonymous request. */
    @Nullable
    public Authentication authentication() {
        return security.getAuthentication().orElse(null);
    }

    public HttpRequest<?> request() {
        return ServerRequestContext.currentRequest()
                .orElseThrow(() -> new IllegalStateException("No HTTP request is being answered on this thread"));
    }
}
