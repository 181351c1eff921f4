package news.forum.comment;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.uri.UriTemplate;

import java.net.URI;
import java.util.Map;

/** The answer to a posted comment: 201 when it is published, 202 when it waits for a moderator's review. */
public final class PostedComment {

    private PostedComment() {
    }

    public static HttpResponse<CommentView> response(CommentView posted) {
        return HttpResponse.status(posted.pending() ? HttpStatus.ACCEPTED : HttpStatus.CREATED)
                .body(posted)
                .headers(headers -> headers.location(URI.create(UriTemplate.of(CommentOperations.COMMENT).expand(Map.of("commentId", posted.id())))));
    }
}
