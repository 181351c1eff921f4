package news.forum.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/** Hands each test instance of an {@link ApiTestBase} its server: shared, or the class's own (see {@link TestServers}). */
public final class ServerExtension implements TestInstancePostProcessor {

    @Override
    public void postProcessTestInstance(Object instance, ExtensionContext context) {
        ApiTestBase test = (ApiTestBase) instance;
        test.connect(TestServers.forClass(context, test.serverProperties()));
    }
}
