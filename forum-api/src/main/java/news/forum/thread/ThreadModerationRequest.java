package news.forum.thread;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * A thread's moderation settings; a field left out stays as it is. premoderation: none, all, new_accounts, or
 * default (follow the site's setting). slowModeSeconds: each account may comment once per that many seconds; 0 off.
 */
@Serdeable
public record ThreadModerationRequest(@Nullable @Size(max = 32) String premoderation,
                                      @Nullable @Min(0) @Max(MAX_SLOW_MODE_SECONDS) Integer slowModeSeconds) {

    static final int MAX_SLOW_MODE_SECONDS = 86_400;
}
