package news.forum.privacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import static news.forum.web.ApiProblems.BAD_REQUEST;
import static news.forum.web.ApiProblems.CONTENT_TOO_LARGE;
import static news.forum.web.ApiProblems.FORBIDDEN;
import static news.forum.web.ApiProblems.TOO_MANY_REQUESTS;
import static news.forum.web.ApiProblems.UNAUTHORIZED;
import static news.forum.web.ApiProblems.UNSUPPORTED_MEDIA_TYPE;

/** The signed-in reader's own data: all of it as a file, or the account deleted for good. */
@Tag(name = "Accounts")
public interface PrivacyOperations {

    String ME = "/api/v1/me";

    @Operation(operationId = "exportAccount", summary = """
            Everything the forum holds about the caller, as one JSON document, streamed for a history of any size.""",
            description = """
                    The account, its comments with their thread and state, its votes, the flags it raised and the \
                    moderators' actions on it; sent as an attachment (forum-account-data.json), never cached.""",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The caller's data",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    schema = @Schema(type = "object"))),
                    @ApiResponse(responseCode = "401", ref = UNAUTHORIZED)})
    @Get(ME + "/export")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<StreamedFile> exportAccount();

    @Operation(operationId = "deleteAccount", summary = "Deletes the caller's account for good.",
            description = """
                    A local account confirms with its password (400 without it, 403 when wrong, 429 after too many \
                    wrong ones). Sessions end, comments become tombstones without text or author (replies keep their \
                    place), votes and open flags go, the username stays reserved; audited.""",
            responses = {
                    @ApiResponse(responseCode = "204", description = "The account is deleted"),
                    @ApiResponse(responseCode = "400", ref = BAD_REQUEST),
                    @ApiResponse(responseCode = "401", ref = UNAUTHORIZED),
                    @ApiResponse(responseCode = "403", ref = FORBIDDEN),
                    @ApiResponse(responseCode = "413", ref = CONTENT_TOO_LARGE),
                    @ApiResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE),
                    @ApiResponse(responseCode = "429", ref = TOO_MANY_REQUESTS)})
    @Delete(ME)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<Void> deleteAccount(@Nullable @Body @Valid DeleteAccountRequest request);
}
