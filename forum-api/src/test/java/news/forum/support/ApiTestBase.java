package news.forum.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.transaction.TransactionOperations;
import news.forum.web.PublicIds;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test of the running server through HTTP. The server is shared by every test class of the JVM that sets no
 * properties of its own (see {@link TestServers}), and test classes run side by side: a class that compares the
 * whole database before and after says so with {@link WholeDatabase}, and then runs alone.
 */
@ExtendWith(ServerExtension.class)
@ResourceLock(value = WholeDatabase.LOCK, mode = ResourceAccessMode.READ)
public abstract class ApiTestBase {

    protected EmbeddedServer server;
    protected ApplicationContext context;
    protected JsonMapper jsonMapper;
    protected PublicIds publicIds;
    protected Api api;
    protected Db db;

    /** Properties this class's server needs besides its {@code @Property} annotations (e.g. another process's port). */
    protected Map<String, String> serverProperties() {
        return Map.of();
    }

    void connect(EmbeddedServer running) {
        server = running;
        context = running.getApplicationContext();
        jsonMapper = context.getBean(JsonMapper.class);
        publicIds = context.getBean(PublicIds.class);
        api = new Api(running, jsonMapper);
        db = new Db(context.getBean(DataSource.class), context.getBean(DataSourceResolver.class), publicIds);
    }

    /** A bean of the server's own, for the few tests that check a part of it directly. */
    protected <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The server's transactions, for a test that calls one of its parts inside one. */
    protected TransactionOperations<Connection> transactions() {
        return context.getBean(Argument.of(TransactionOperations.class, Connection.class));
    }

    /** RFC 9457: every error has this media type and these members. */
    protected static void assertProblem(Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json()).containsKeys("type", "title", "status", "detail");
        assertThat(((Number) response.path("status")).intValue()).isEqualTo(status);
    }
}
