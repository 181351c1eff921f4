package news.forum.support;

import org.junit.jupiter.api.BeforeEach;

/** A test that starts from a fresh thread of its own and a signed-in reader, made before each test. */
public abstract class ThreadTestBase extends ApiTestBase {

    protected String thread;
    protected Api.Session reader;

    @BeforeEach
    void openThread() {
        thread = api.newThread();
        reader = api.newUser();
    }
}
