package news.forum.comment;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Serdeable
public record EditCommentRequest(@NotNull @Size(max = 20000) String body) {
}
