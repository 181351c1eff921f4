package news.forum.privacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import news.forum.http.CurrentRequest;
import news.forum.web.ClientAddresses;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class PrivacyController implements PrivacyOperations {

    private final AccountExport export;
    private final AccountLeaving leaving;
    private final ClientAddresses clientAddresses;
    private final CurrentRequest current;

    PrivacyController(AccountExport export, AccountLeaving leaving, ClientAddresses clientAddresses,
                      CurrentRequest current) {
        this.export = export;
        this.leaving = leaving;
        this.clientAddresses = clientAddresses;
        this.current = current;
    }

    @Override
    public HttpResponse<StreamedFile> exportAccount() {
        StreamedFile file = new StreamedFile(export.open(current.authentication()), MediaType.APPLICATION_JSON_TYPE)
                .attach("forum-account-data.json");
        return HttpResponse.ok(file).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Override
    public HttpResponse<Void> deleteAccount(@Nullable DeleteAccountRequest request) {
        leaving.leave(current.authentication(), request == null ? null : request.password(),
                clientAddresses.of(current.request()));
        return HttpResponse.noContent();
    }
}
