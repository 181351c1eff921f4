package news.forum.support;

import news.forum.web.PublicIds;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

import javax.sql.DataSource;

/** Wires the HTTP client and the database reader; each test class still carries its own @MicronautTest. */
public abstract class ApiTestBase {

    @Inject
    protected EmbeddedServer server;
    @Inject
    protected JsonMapper jsonMapper;
    @Inject
    protected DataSource dataSource;
    @Inject
    protected DataSourceResolver dataSourceResolver;
    @Inject
    protected PublicIds publicIds;

    protected Api api;
    protected Db db;

    @BeforeEach
    void connect() {
        api = new Api(server, jsonMapper);
        db = new Db(dataSource, dataSourceResolver, publicIds);
    }

    /** RFC 9457: every error has this media type and these members. */
    protected static void assertProblem(Response response, int status) {
        org.assertj.core.api.Assertions.assertThat(response.status()).as(response.body()).isEqualTo(status);
        org.assertj.core.api.Assertions.assertThat(response.contentType()).startsWith("application/problem+json");
        org.assertj.core.api.Assertions.assertThat(response.json()).containsKeys("type", "title", "status", "detail");
        org.assertj.core.api.Assertions.assertThat(((Number) response.path("status")).intValue()).isEqualTo(status);
    }
}
