package news.forum.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** The OpenAPI document of the API, generated at compile time from the *Operations interfaces (not itself in it). */
public interface OpenApiOperations {

    @Get(value = "/openapi.yml", produces = "application/yaml")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<byte[]> openApi();
}
