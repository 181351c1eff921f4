package news.forum.account;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

@Serdeable
public record RoleRequest(@NotNull Role role) {
}
