package news.forum.article;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import static news.forum.web.ApiProblems.BAD_REQUEST;
import static news.forum.web.ApiProblems.CONTENT_TOO_LARGE;
import static news.forum.web.ApiProblems.FORBIDDEN;
import static news.forum.web.ApiProblems.NOT_FOUND;
import static news.forum.web.ApiProblems.UNAUTHORIZED;
import static news.forum.web.ApiProblems.UNSUPPORTED_MEDIA_TYPE;

/** The publisher's articles, each with its thread. */
@Tag(name = "Articles")
public interface ArticleOperations {

    @Operation(operationId = "saveArticle", summary = """
            Creates (201) or updates (200) an article; creating it seeds its thread (MODERATOR or ADMIN).""",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The article, updated"),
                    @ApiResponse(responseCode = "201", description = "The article, created with its thread",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    schema = @Schema(implementation = ArticleView.class))),
                    @ApiResponse(responseCode = "400", ref = BAD_REQUEST),
                    @ApiResponse(responseCode = "401", ref = UNAUTHORIZED),
                    @ApiResponse(responseCode = "403", ref = FORBIDDEN),
                    @ApiResponse(responseCode = "413", ref = CONTENT_TOO_LARGE),
                    @ApiResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE)})
    @Put("/api/v1/articles/{key}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<ArticleView> save(@PathVariable String key, @Body @Valid ArticleRequest request);

    @Operation(operationId = "getArticle", summary = "The article by its key, with its thread.", responses = {
            @ApiResponse(responseCode = "200", description = "The article"),
            @ApiResponse(responseCode = "404", ref = NOT_FOUND)})
    @Get("/api/v1/articles/{key}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    ArticleView article(@PathVariable String key);
}
