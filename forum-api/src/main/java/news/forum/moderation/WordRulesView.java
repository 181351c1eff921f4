package news.forum.moderation;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The word rules in force, as the administrator wrote them; version moves with every change. */
@Serdeable
public record WordRulesView(List<String> reject, List<String> hold, long version) {
}
