package news.forum.article;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import news.forum.http.CurrentRequest;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class ArticleController implements ArticleOperations {

    private final ArticleService articles;
    private final CurrentRequest current;

    ArticleController(ArticleService articles, CurrentRequest current) {
        this.articles = articles;
        this.current = current;
    }

    @Override
    public HttpResponse<ArticleView> save(String key, ArticleRequest request) {
        ArticleService.Saved saved = articles.save(current.authentication(), key, request);
        return HttpResponse.<ArticleView>status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(saved.article());
    }

    @Override
    public ArticleView article(String key) {
        return articles.find(key);
    }
}
