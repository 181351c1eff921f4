package news.forum.comment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Only the body and the parent come from the client; id, author, counts and times are the server's. */
@Serdeable
public record PostCommentRequest(@NotNull @Size(max = 20000) String body, @Nullable @Size(max = 32) String parentId) {
}
