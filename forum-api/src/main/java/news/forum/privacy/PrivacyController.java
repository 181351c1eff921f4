package news.forum.privacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import news.forum.web.ClientAddresses;

@Controller("/api/v1/me")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Accounts")
class PrivacyController {

    private final AccountExport export;
    private final AccountLeaving leaving;
    private final ClientAddresses clientAddresses;

    PrivacyController(AccountExport export, AccountLeaving leaving, ClientAddresses clientAddresses) {
        this.export = export;
        this.leaving = leaving;
        this.clientAddresses = clientAddresses;
    }

    /**
     * Everything the forum holds about the caller, as one JSON document (account, comments with their thread and
     * state, votes, flags raised, moderators' actions on the account), streamed for a history of any size.
     */
    @Get("/export")
    HttpResponse<StreamedFile> export(Authentication authentication) {
        StreamedFile file = new StreamedFile(export.open(authentication), MediaType.APPLICATION_JSON_TYPE)
                .attach("forum-account-data.json");
        return HttpResponse.ok(file).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /**
     * Deletes the caller's account for good: a local account confirms with its password. Sessions end, comments
     * become tombstones without text or author (replies keep their place), votes and open flags go, the username
     * stays reserved; audited.
     */
    @Delete
    HttpResponse<Void> delete(HttpRequest<?> http, @Nullable @Body @Valid DeleteAccountRequest request,
                              Authentication authentication) {
        leaving.leave(authentication, request == null ? null : request.password(), clientAddresses.of(http));
        return HttpResponse.noContent();
    }
}
