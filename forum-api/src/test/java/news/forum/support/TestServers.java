package news.forum.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Map;
import java.util.TreeMap;

/**
 * The servers the tests of one JVM talk to: one for every test class that asks for no settings of its own, and one
 * more for each set of settings a class asks for ({@code @Property} on the class: small budgets, a site default; or
 * {@link ApiTestBase#serverProperties}), shared by the classes that ask for the same. Each starts when a class first
 * needs it and stops when the run is done; all of them share the one throw-away embedded PostgreSQL of the JVM (or
 * the external one CI configures).
 */
public final class TestServers {

    /**
     * A setting no part of the server reads: a class that needs a server to itself, because what it checks is the
     * whole server's (the metrics count every request), names it with this, {@code @Property(name = OWN_SERVER,
     * value = "MetricsTest")}, and no other class's traffic reaches that server.
     */
    public static final String OWN_SERVER = "forum.test.own-server";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestServers.class);

    private TestServers() {
    }

    /** The server for this test class, started if no class has needed one with its settings yet. */
    public static EmbeddedServer forClass(ExtensionContext context, Map<String, String> extraProperties) {
        Map<String, String> properties = new TreeMap<>(extraProperties);
        for (Property property : context.getRequiredTestClass().getAnnotationsByType(Property.class)) {
            properties.put(property.name(), property.value());
        }
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("server " + properties, key -> new Running(start(properties)), Running.class)
                .server();
    }

    private static EmbeddedServer start(Map<String, String> properties) {
        ApplicationContext context = ApplicationContext.builder()
                .environments("test")
                .properties(Map.copyOf(properties))
                .start();
        return context.getBean(EmbeddedServer.class).start();
    }

    /** Closed by JUnit when its store is: the server stops, then its context (pool, listener, schedules). */
    private record Running(EmbeddedServer server) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            server.getApplicationContext().close();
        }
    }
}
