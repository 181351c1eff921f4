package news.forum.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import static news.forum.web.ApiProblems.BAD_REQUEST;
import static news.forum.web.ApiProblems.FORBIDDEN;
import static news.forum.web.ApiProblems.UNAUTHORIZED;

/** What waits for the moderators and what they did (MODERATOR or ADMIN). */
@Tag(name = "Moderation")
public interface ModerationOperations {

    @Operation(operationId = "getModerationQueue", summary = """
            kind=pending (held comments, oldest first) or kind=flagged (comments with open flags, first flagged \
            first).""", responses = {
            @ApiResponse(responseCode = "200", description = "A page of the queue"),
            @ApiResponse(responseCode = "400", ref = BAD_REQUEST),
            @ApiResponse(responseCode = "401", ref = UNAUTHORIZED),
            @ApiResponse(responseCode = "403", ref = FORBIDDEN)})
    @Get("/api/v1/moderation/queue")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    QueuePage queue(@Parameter(description = "Which queue", schema = @Schema(type = "string",
                            allowableValues = {"pending", "flagged"}, defaultValue = "pending"))
                    @Nullable @QueryValue String kind,
                    @Parameter(description = "The previous page's `next`") @Nullable @QueryValue String after,
                    @Parameter(description = "How many items the page holds at most", schema = @Schema(
                            type = "integer", format = "int32", minimum = "1",
                            maximum = "" + ModerationController.MAX_PAGE_SIZE,
                            defaultValue = "" + ModerationController.DEFAULT_PAGE_SIZE))
                    @Nullable @QueryValue String limit);

    @Operation(operationId = "getModerationLog", summary = "Every moderator action, newest first.", responses = {
            @ApiResponse(responseCode = "200", description = "A page of the log"),
            @ApiResponse(responseCode = "400", ref = BAD_REQUEST),
            @ApiResponse(responseCode = "401", ref = UNAUTHORIZED),
            @ApiResponse(responseCode = "403", ref = FORBIDDEN)})
    @Get("/api/v1/moderation/log")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    LogPage log(@Parameter(description = "The previous page's `next`") @Nullable @QueryValue String after,
                @Parameter(description = "How many entries the page holds at most", schema = @Schema(
                        type = "integer", format = "int32", minimum = "1",
                        maximum = "" + ModerationController.MAX_PAGE_SIZE,
                        defaultValue = "" + ModerationController.DEFAULT_PAGE_SIZE))
                @Nullable @QueryValue String limit);
}
