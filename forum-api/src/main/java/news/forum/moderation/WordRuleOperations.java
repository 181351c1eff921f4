package news.forum.moderation;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** The word rules every new comment is checked against. */
@Tag(name = "Moderation")
public interface WordRuleOperations {

    String WORD_RULES = "/api/v1/moderation/word-rules";

    @Operation(summary = "The word rules in force (MODERATOR or ADMIN).")
    @Get(WORD_RULES)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    WordRulesView wordRules();

    @Operation(summary = "Replaces every word rule (ADMIN).", description = """
            Replaces every word rule (ADMIN): a comment holding a `reject` word is refused with 422 naming it; one \
            holding a `hold` word waits for a moderator. Whole words, ignoring case, width and accents.""")
    @Put(WORD_RULES)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    WordRulesView replaceWordRules(@Body @Valid WordRulesRequest request);
}
