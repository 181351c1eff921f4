package news.forum.version;

import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Which build answers: an operator checking an upgrade, a client checking what it talks to. */
@Tag(name = "Version")
public interface VersionOperations {

    @Operation(operationId = "getVersion", summary = "The server's name and version, as the CHANGELOG names versions.",
            responses = @ApiResponse(responseCode = "200", description = "The name and version of the build"))
    @Get("/api/v1/version")
    @Secured(SecurityRule.IS_ANONYMOUS)
    VersionView version();
}
