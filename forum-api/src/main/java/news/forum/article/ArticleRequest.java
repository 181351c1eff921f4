package news.forum.article;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Serdeable
public record ArticleRequest(@NotBlank @Size(max = 300) String title, @NotBlank @Size(max = 2000) String url) {
}
