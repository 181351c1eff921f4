package news.forum.moderation;

import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import news.forum.comment.CommentView;
import news.forum.http.CurrentRequest;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class CommentReviewController implements ReviewOperations {

    private final CommentReviews reviews;
    private final CurrentRequest current;

    CommentReviewController(CommentReviews reviews, CurrentRequest current) {
        this.reviews = reviews;
        this.current = current;
    }

    @Override
    public CommentView remove(String commentId, RemovalRequest request) {
        return reviews.remove(current.authentication(), commentId, request.reason());
    }

    @Override
    public CommentView restore(String commentId) {
        return reviews.restore(current.authentication(), commentId);
    }

    @Override
    public CommentView approve(String commentId) {
        return reviews.approve(current.authentication(), commentId);
    }
}
