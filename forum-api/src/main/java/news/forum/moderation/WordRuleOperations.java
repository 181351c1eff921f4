package news.forum.moderation;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import static news.forum.web.ApiProblems.BAD_REQUEST;
import static news.forum.web.ApiProblems.CONTENT_TOO_LARGE;
import static news.forum.web.ApiProblems.FORBIDDEN;
import static news.forum.web.ApiProblems.UNAUTHORIZED;
import static news.forum.web.ApiProblems.UNPROCESSABLE_CONTENT;
import static news.forum.web.ApiProblems.UNSUPPORTED_MEDIA_TYPE;

/** The word rules every new comment is checked against. */
@Tag(name = "Moderation")
public interface WordRuleOperations {

    String WORD_RULES = "/api/v1/moderation/word-rules";

    @Operation(operationId = "getWordRules", summary = "The word rules in force (MODERATOR or ADMIN).", responses = {
            @ApiResponse(responseCode = "200", description = "The word rules"),
            @ApiResponse(responseCode = "401", ref = UNAUTHORIZED),
            @ApiResponse(responseCode = "403", ref = FORBIDDEN)})
    @Get(WORD_RULES)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    WordRulesView wordRules();

    @Operation(operationId = "replaceWordRules", summary = "Replaces every word rule (ADMIN).", description = """
            Replaces every word rule (ADMIN): a comment holding a `reject` word is refused with 422 naming it; one \
            holding a `hold` word waits for a moderator. Whole words, ignoring case, width and accents. 422 when a \
            word is in both lists.""", responses = {
            @ApiResponse(responseCode = "200", description = "The word rules now in force"),
            @ApiResponse(responseCode = "400", ref = BAD_REQUEST),
            @ApiResponse(responseCode = "401", ref = UNAUTHORIZED),
            @ApiResponse(responseCode = "403", ref = FORBIDDEN),
            @ApiResponse(responseCode = "413", ref = CONTENT_TOO_LARGE),
            @ApiResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE),
            @ApiResponse(responseCode = "422", ref = UNPROCESSABLE_CONTENT)})
    @Put(WORD_RULES)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    WordRulesView replaceWordRules(@Body @Valid WordRulesRequest request);
}
