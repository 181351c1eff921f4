package news.forum.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Every word rule at once; a missing list is an empty one. */
@Serdeable
public record WordRulesRequest(@Nullable List<String> reject, @Nullable List<String> hold) {
}
