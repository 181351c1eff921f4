package news.forum.account;

import io.micronaut.context.annotation.Property;
import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.MadeUpAddresses;
import news.forum.support.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many clients signing in at once with correct passwords, under the hashing bound of a small machine (one hash at a
 * time): page reads go on being served, every sign-in is answered 200 or a 429 with Retry-After
 * (never a 5xx, never "too many failed logins" for a correct password, even for one account signing in from many
 * tabs at once); the flood spends nobody's budget of failures, so afterwards every account signs in.
 */
@Property(name = "forum.throttle.trusted-proxies", value = "127.0.0.1,::1")
@Property(name = "forum.throttle.login.account-failures", value = "3")
@Property(name = "forum.passwords.concurrency", value = "1")
class LoginFloodTest extends ApiTestBase {

    private static final int CLIENTS = 16;
    private static final int TABS_OF_ONE_OWNER = 4;
    private static final Duration AT_LEAST = Duration.ofSeconds(3);
    private static final Duration DEADLINE = Duration.ofSeconds(120);

    private record Client(String name, String address) {
    }

    @Test
    void aFloodOfCorrectSignInsLeavesReadsServedAndLetsEveryoneIn() throws Exception {
        String thread = api.newThread();
        api.postComment(thread, api.newUser().token(), "Something to read", null).expectStatus(201);
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            String name = Api.uniqueName("flood");
            api.register(name, Api.PASSWORD).expectStatus(201);
            clients.add(new Client(name, MadeUpAddresses.next()));
        }
        String owner = Api.uniqueName("owner");
        api.register(owner, Api.PASSWORD).expectStatus(201);
        String ownersAddress = MadeUpAddresses.next();
        for (int i = 0; i < TABS_OF_ONE_OWNER; i++) {
            clients.add(new Client(owner, ownersAddress));
        }

        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> readStatuses = new ConcurrentLinkedQueue<>();
        AtomicBoolean flooding = new AtomicBoolean(true);
        AtomicInteger signedIn = new AtomicInteger();
        AtomicInteger busy = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients.size() + 2);
        List<Future<?>> running = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients.size(); c++) {
            Client client = clients.get(c);
            running.add(pool.submit(() -> {
                while (flooding.get()) {
                    Response answer = signIn(client);
                    if (answer.status() == 200) {
                        signedIn.incrementAndGet();
                        // signed in, a reader reads a moment before signing in again (another tab, a new session)
                        TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextLong(1001));
                    } else if (answer.status() != 429 || answer.header("Retry-After") == null
                            || !((String) answer.path("type")).endsWith("/logins-busy")) {
                        unexpected.add(answer.toString());
                    } else {
                        busy.incrementAndGet();
                        // as a browser's client does: back off within Retry-After, at a random point, then try again
                        long retryAfter = Long.parseLong(answer.header("Retry-After"));
                        TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextLong(retryAfter * 1000 + 1));
                    }
                }
                return null;
            }));
        }
        for (int r = 0; r < 2; r++) {
            running.add(pool.submit(() -> {
                while (flooding.get()) {
                    readStatuses.add(api.send(c -> c.page(thread, null, "50", null)).status());
                }
                return null;
            }));
        }
        // the flood goes on for a few seconds at least, and until there were as many sign-ins as clients (a loaded
        // machine hashes slowly) or the deadline passes
        long deadline = started + DEADLINE.toNanos();
        while (System.nanoTime() < deadline
                && (signedIn.get() < clients.size() || System.nanoTime() - started < AT_LEAST.toNanos())) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        flooding.set(false);
        for (Future<?> task : running) {
            task.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(unexpected).as("answers other than 200 or 429 logins-busy with Retry-After").isEmpty();
        assertThat(signedIn.get()).as("sign-ins during the flood (%d refused as busy)", busy.get()).isPositive();
        assertThat(readStatuses).as("reads served during the flood").isNotEmpty().containsOnly(200);
        // the flood spent nobody's budget of failures: every account, the one of many tabs too, signs in
        for (Client client : clients) {
            signInBackingOff(client);
        }
    }

    /** A sign-in with the right password from the client's own address, behind the trusted proxy. */
    private Response signIn(Client client) {
        return api.call(c -> c.login(new LoginRequest(client.name(), Api.PASSWORD)))
                .header("X-Forwarded-For", client.address()).send();
    }

    private void signInBackingOff(Client client) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            Response answer = signIn(client);
            if (answer.status() == 200) {
                return;
            }
            assertThat(answer.status()).as(answer.body()).isEqualTo(429);
            assertThat((String) answer.path("type")).endsWith("/logins-busy");
            assertThat(System.nanoTime()).as("signed in before the deadline").isLessThan(deadline);
            TimeUnit.SECONDS.sleep(Long.parseLong(answer.header("Retry-After")));
        }
    }
}
