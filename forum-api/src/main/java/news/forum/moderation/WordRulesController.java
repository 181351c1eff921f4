package news.forum.moderation;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@Controller("/api/v1/moderation/word-rules")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Moderation")
class WordRulesController {

    private final WordRules rules;

    WordRulesController(WordRules rules) {
        this.rules = rules;
    }

    /** The word rules in force (MODERATOR or ADMIN). */
    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    WordRulesView get(Authentication authentication) {
        return rules.get(authentication);
    }

    /**
     * Replaces every word rule (ADMIN): a comment holding a {@code reject} word is refused with 422 naming it; one
     * holding a {@code hold} word waits for a moderator. Whole words, ignoring case, width and accents.
     */
    @Put
    @Secured(SecurityRule.IS_AUTHENTICATED)
    WordRulesView replace(@Body @Valid WordRulesRequest request, Authentication authentication) {
        return rules.replace(authentication, request);
    }
}
