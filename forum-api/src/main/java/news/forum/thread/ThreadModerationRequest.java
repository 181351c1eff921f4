package news.forum.thread;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * A thread's moderation settings; a field left out stays as it is. premoderation: none, all, new_accounts, or
 * default (follow the site's setting). slowModeSeconds: each account may comment once per that many seconds (at most
 * a day); 0 off. Read as a decimal so that 1.5 is refused rather than cut to 1.
 */
@Serdeable
public record ThreadModerationRequest(@Schema(allowableValues = {"none", "all", "new_accounts", "default"})
                                      @Nullable @Size(max = 32) String premoderation,
                                      @Nullable @DecimalMin("0") @DecimalMax("86400") @Digits(integer = 5, fraction = 0)
                                      @Schema(type = "integer", format = "int32")
                                      BigDecimal slowModeSeconds) {
}
