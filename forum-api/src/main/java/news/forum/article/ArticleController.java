package news.forum.article;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@Controller("/api/v1/articles/{key}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Articles")
class ArticleController {

    private final ArticleService articles;

    ArticleController(ArticleService articles) {
        this.articles = articles;
    }

    /** Creates (201) or updates (200) an article; creating it seeds its thread (MODERATOR or ADMIN). */
    @Put
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<ArticleView> save(@PathVariable String key, @Body @Valid ArticleRequest request,
                                   Authentication authentication) {
        ArticleService.Saved saved = articles.save(authentication, key, request);
        return HttpResponse.<ArticleView>status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(saved.article());
    }

    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    ArticleView article(@PathVariable String key) {
        return articles.find(key);
    }
}
