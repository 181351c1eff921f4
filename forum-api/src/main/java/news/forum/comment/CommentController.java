package news.forum.comment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import news.forum.http.CurrentRequest;
import news.forum.throttle.WriteBudgets;
import news.forum.web.PageSize;
import news.forum.web.PublicIds;

import static news.forum.web.PublicIds.Kind.THREAD;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class CommentController implements CommentOperations {

    private final PublicIds ids;
    private final CommentService comments;
    private final WriteBudgets budgets;
    private final CurrentRequest current;

    CommentController(CommentService comments, WriteBudgets budgets, PublicIds ids, CurrentRequest current) {
        this.ids = ids;
        this.comments = comments;
        this.budgets = budgets;
        this.current = current;
    }

    @Override
    public CommentPage page(String threadId, @Nullable String sort, @Nullable String limit, @Nullable String after) {
        return comments.page(current.authentication(), ids.parse(THREAD, threadId), sort,
                PageSize.parse(limit, CommentService.DEFAULT_PAGE_SIZE, CommentService.MAX_PAGE_SIZE), after);
    }

    @Override
    public HttpResponse<CommentView> post(String threadId, PostCommentRequest request, @Nullable String idempotencyKey) {
        budgets.spendPost(current.authentication(), current.request());
        return PostedComment.response(
                comments.post(current.authentication(), ids.parse(THREAD, threadId), request, idempotencyKey));
    }

    @Override
    public CommentView comment(String commentId) {
        return comments.find(current.authentication(), commentId);
    }

    @Override
    public HttpResponse<CommentView> edit(String commentId, EditCommentRequest request) {
        budgets.spendPost(current.authentication(), current.request());
        CommentView edited = comments.edit(current.authentication(), commentId, request);
        return HttpResponse.status(edited.pending() ? HttpStatus.ACCEPTED : HttpStatus.OK).body(edited);
    }

    @Override
    public HttpResponse<Void> delete(String commentId) {
        comments.delete(current.authentication(), commentId);
        return HttpResponse.noContent();
    }

    @Override
    public VoteResult vote(String commentId, VoteRequest request) {
        return comments.vote(current.authentication(), commentId, request.value().intValueExact());
    }

    @Override
    public CommentSource source(String commentId) {
        return comments.source(current.authentication(), commentId);
    }
}
