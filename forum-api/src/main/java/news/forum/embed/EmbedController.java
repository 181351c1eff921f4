package news.forum.embed;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import news.forum.comment.CommentView;
import news.forum.comment.PostedComment;
import news.forum.http.CurrentRequest;
import news.forum.throttle.WriteBudgets;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class EmbedController implements EmbedOperations {

    private final EmbedService embed;
    private final WriteBudgets budgets;
    private final CurrentRequest current;

    EmbedController(EmbedService embed, WriteBudgets budgets, CurrentRequest current) {
        this.embed = embed;
        this.budgets = budgets;
        this.current = current;
    }

    @Override
    public EmbedArticle embedArticle(String key, @Nullable String url) {
        return embed.article(key, url);
    }

    @Override
    public HttpResponse<CommentView> postFirst(String key, FirstCommentRequest request, @Nullable String idempotencyKey) {
        budgets.spendPost(current.authentication(), current.request());
        return PostedComment.response(embed.postFirst(current.authentication(), key, request, idempotencyKey));
    }

    @Override
    public Preview preview(PreviewRequest request) {
        budgets.spendPreview(current.request());
        return embed.preview(request);
    }
}
