package news.forum.embed;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Serdeable
public record PreviewRequest(@NotNull @Size(max = 20000) String body) {
}
