package news.forum.comment;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record VoteResult(String commentId, int value, int score) {
}
