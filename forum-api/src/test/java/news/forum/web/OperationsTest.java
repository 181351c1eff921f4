package news.forum.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import news.forum.support.ApiTestBase;
import news.forum.support.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class OperationsTest extends ApiTestBase {

    @Test
    void healthIsUpWhileTheDatabaseAnswers() {
        Response health = api.get("/health");
        health.expectStatus(200);
        assertThat((String) health.path("status")).isEqualTo("UP");
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        Response document = api.get("/openapi.yml");
        document.expectStatus(200);
        assertThat(document.body()).startsWith("openapi: 3")
                .contains("/api/v1/threads/{threadId}/comments", "/api/v1/auth/login", "/api/v1/threads/{threadId}/lock",
                        "/api/v1/comments/{commentId}/vote", "/api/v1/articles/{key}", "/api/v1/version");
    }

    @Test
    void theVersionIsTheBuildsAsThePomNamesIt() {
        Response version = api.get("/api/v1/version").expectStatus(200);
        assertThat((String) version.path("name")).isEqualTo("forum");
        assertThat((String) version.path("version")).isEqualTo(System.getProperty("forum.build.version")).matches("\\d+\\.\\d+\\.\\d+.*");
    }
}
