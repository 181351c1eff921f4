package news.forum.web;

import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OperationsTest extends ApiTestBase {

    @Test
    void healthIsUpWhileTheDatabaseAnswers() {
        Response health = api.get("/health");
        health.expectStatus(200);
        assertThat((String) health.path("status")).isEqualTo("UP");
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        Response document = api.send(c -> c.openApi());
        document.expectStatus(200);
        assertThat(document.body()).startsWith("openapi: 3")
                .contains(Api.route(c -> c.page("", null, null, null)).template(),
                        Api.route(c -> c.login(null)).template(), Api.route(c -> c.lock("", null)).template(),
                        Api.route(c -> c.vote("", null)).template(), Api.route(c -> c.article("")).template(),
                        Api.route(c -> c.version()).template());
    }

    @Test
    void theVersionIsTheBuildsAsThePomNamesIt() {
        Response version = api.send(c -> c.version()).expectStatus(200);
        assertThat((String) version.path("name")).isEqualTo("forum");
        assertThat((String) version.path("version")).isEqualTo(System.getProperty("forum.build.version")).matches("\\d+\\.\\d+\\.\\d+.*");
    }
}
