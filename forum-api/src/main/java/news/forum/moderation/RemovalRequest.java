package news.forum.moderation;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Shown to every reader: "Removed by a moderator: reason". */
@Serdeable
public record RemovalRequest(@NotBlank @Size(max = 500) String reason) {
}
