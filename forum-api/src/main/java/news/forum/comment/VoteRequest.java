package news.forum.comment;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** 1 up, -1 down, 0 withdraws the vote. */
@Serdeable
public record VoteRequest(@NotNull @Min(-1) @Max(1) Integer value) {
}
