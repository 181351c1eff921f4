package news.forum.comment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import news.forum.thread.ThreadView;

import java.util.List;

/** A contiguous run of a thread in tree order; {@code next} continues right after it. */
@Serdeable
public record CommentPage(ThreadView thread, List<CommentView> comments, @Nullable String next) {
}
