package news.forum.article;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** The publisher's articles, each with its thread. */
@Tag(name = "Articles")
public interface ArticleOperations {

    @Operation(summary = """
            Creates (201) or updates (200) an article; creating it seeds its thread (MODERATOR or ADMIN).""")
    @Put("/api/v1/articles/{key}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<ArticleView> save(@PathVariable String key, @Body @Valid ArticleRequest request);

    @Get("/api/v1/articles/{key}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    ArticleView article(@PathVariable String key);
}
