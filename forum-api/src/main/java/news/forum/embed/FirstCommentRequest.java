package news.forum.embed;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A top-level comment for an article the forum may not know yet: its title and URL come from the publisher's page. */
@Serdeable
public record FirstCommentRequest(@NotBlank @Size(max = 300) String title,
                                  @NotBlank @Size(max = 2000) String url,
                                  @NotNull @Size(max = 20000) String body) {
}
