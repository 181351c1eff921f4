package news.forum.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the OpenAPI document generated at compile time. */
@Controller
@Hidden
class OpenApiController implements OpenApiOperations {

    private final byte[] document = load();

    @Override
    public HttpResponse<byte[]> openApi() {
        return HttpResponse.ok(document);
    }

    private static byte[] load() {
        try (InputStream in = OpenApiController.class.getResourceAsStream("/META-INF/swagger/forum-api.yml")) {
            if (in == null) {
                throw new IllegalStateException("The generated OpenAPI document is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
