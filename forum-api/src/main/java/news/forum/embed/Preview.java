package news.forum.embed;

import io.micronaut.serde.annotation.Serdeable;

/** Markdown rendered and sanitised exactly as a posted comment would be. */
@Serdeable
public record Preview(String bodyHtml) {
}
