package news.forum.comment;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/** 1 up, -1 down, 0 withdraws the vote. Read as a decimal so that 1.5 is refused rather than cut to 1. */
@Serdeable
public record VoteRequest(@Schema(type = "integer", format = "int32", requiredMode = Schema.RequiredMode.REQUIRED)
                          @NotNull @DecimalMin("-1") @DecimalMax("1") @Digits(integer = 1, fraction = 0) BigDecimal value) {
}
