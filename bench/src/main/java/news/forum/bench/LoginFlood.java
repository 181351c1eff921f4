package news.forum.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The login flood (issue 11): 32 clients, each its own account and its own address (X-Forwarded-For through the
 * loopback proxy the server trusts), log in with the correct password one attempt after another for 10 s while
 * readers read pages at a steady pace. Reported: logins a second, login p50/p99, every answer by status (every 5xx
 * counted, the readers' too), and the readers' page-read p50 against the same reads without the flood, just before
 * it (the baseline) and just after it. A login answered anything but 200 is counted; one refused with Retry-After
 * (429 logins-busy, 503) is tried again only once that time has passed, as a real client does.
 */
final class LoginFlood implements Workload {

    /** Readers: few connections, each pausing between pages, so their latency is the server's, not wrk's queue. */
    static final int READ_CONNECTIONS = 8;
    static final int READ_PAUSE_MS = 20;
    /** Added at random to each Retry-After a login client honours. */
    static final int RETRY_JITTER_MS = 500;

    record Outcome(double seconds, long attempts, Map<Integer, Long> statuses, long ioErrors, double[] okMs,
                   double[] allMs) {
        long ok() {
            return statuses.getOrDefault(200, 0L);
        }

        long serverErrors() {
            return statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(Map.Entry::getValue).sum();
        }
    }

    @Override
    public String name() {
        return "login-flood";
    }

    @Override
    public void run(Suite suite) throws Exception {
        Plan plan = suite.plan;
        int port = suite.server.port;
        List<String[]> accounts = new ArrayList<>();
        try (Http http = new Http(port)) {
            for (int i = 1; i <= plan.loginClients(); i++) {
                String name = "bench-login-" + i;
                String password = "bench-" + name + "-pass-2024";
                Accounts.signIn(http, name, password, "Bench Reader " + i);
                accounts.add(new String[]{name, password, "192.0.2." + i});
            }
        }
        String page = suite.pagePath(suite.threadId("bench-mixed"), "oldest", 50, null);
        Map<String, String> pace = Map.of("BENCH_SCRIPTS", suite.root.resolve("bench/wrk").toString(),
                "BENCH_PAUSE_MS", Integer.toString(READ_PAUSE_MS));
        double seconds = plan.loginSeconds();

        Map<String, Double> before = suite.wrk.run(port, page, READ_CONNECTIONS, seconds, "paced.lua", pace);
        suite.checkNoErrors("reads before the login flood", before);
        suite.profile.start("login-flood");
        // the flood starts first and outlasts the reads by a little, so every read measured runs under it
        long floodStart = System.nanoTime();
        long floodEnd = floodStart + (long) ((seconds + 1) * 1e9);
        List<Thread> clients = new ArrayList<>();
        Results results = new Results();
        for (String[] account : accounts) {
            Thread client = new Thread(() -> results.add(flood(port, account, floodEnd)), "login-" + account[0]);
            clients.add(client);
            client.start();
        }
        Thread.sleep(500);
        Map<String, Double> during = suite.wrk.run(port, page, READ_CONNECTIONS, seconds, "paced.lua", pace);
        for (Thread client : clients) {
            client.join();
        }
        double floodSeconds = (System.nanoTime() - floodStart) / 1e9;
        suite.profile.stop("login-flood");
        Map<String, Double> after = suite.wrk.run(port, page, READ_CONNECTIONS, seconds, "paced.lua", pace);
        suite.checkNoErrors("reads after the login flood", after);
        if (during.get("requests") == 0) {
            suite.fail("login flood: no page read was answered under the flood");
        }
        Outcome outcome = results.outcome(floodSeconds);
        if (outcome.ok() == 0 && outcome.attempts() == 0) {
            suite.fail("login flood: no login was attempted");
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("clients", accounts.size());
        figures.put("seconds", outcome.seconds());
        figures.put("attempts", outcome.attempts());
        figures.put("logins_200", outcome.ok());
        figures.put("logins_per_second", outcome.ok() / outcome.seconds());
        Map<String, Object> statuses = new LinkedHashMap<>();
        outcome.statuses().forEach((status, n) -> statuses.put(String.valueOf(status), n));
        figures.put("statuses", statuses);
        figures.put("connection_errors", outcome.ioErrors());
        figures.put("login_p50_ms", Suite.percentile(outcome.okMs(), 50));
        figures.put("login_p99_ms", Suite.percentile(outcome.okMs(), 99));
        figures.put("attempt_p50_ms", Suite.percentile(outcome.allMs(), 50));
        figures.put("attempt_p99_ms", Suite.percentile(outcome.allMs(), 99));
        figures.put("login_5xx", outcome.serverErrors());
        figures.put("read_connections", READ_CONNECTIONS);
        figures.put("read_pause_ms", READ_PAUSE_MS);
        figures.put("reads_before", before);
        figures.put("reads_during", during);
        figures.put("reads_after", after);
        figures.put("read_5xx", during.get("server_errors") + before.get("server_errors") + after.get("server_errors"));
        figures.put("read_errors_during", during.get("connect_errors") + during.get("read_errors")
                + during.get("write_errors") + during.get("timeouts"));
        figures.put("read_p50_ratio", during.get("p50") / before.get("p50"));
        suite.put("login_flood", figures);
        suite.say(String.format("login flood: %d clients, %.0f logins/s (%d attempts: %s), login p50 %.0f ms, p99 %.0f ms;"
                        + " page-read p50 %.2f ms -> %.2f ms under the flood (%.2f x), %.2f ms after; 5xx: %d logins, %.0f reads",
                accounts.size(), outcome.ok() / outcome.seconds(), outcome.attempts(), outcome.statuses(),
                Suite.percentile(outcome.okMs(), 50), Suite.percentile(outcome.okMs(), 99), before.get("p50"),
                during.get("p50"), during.get("p50") / before.get("p50"), after.get("p50"), outcome.serverErrors(),
                (double) figures.get("read_5xx")));
    }

    /** One client: one keep-alive connection (opened again if the server closes it), attempts until the deadline. */
    private static Client flood(int port, String[] account, long deadline) {
        Client client = new Client();
        String body = Accounts.loginBody(account[0], account[1]);
        Map<String, String> from = Map.of("X-Forwarded-For", account[2]);
        Http http = new Http(port);
        try {
            while (System.nanoTime() < deadline) {
                long t0 = System.nanoTime();
                try {
                    Http.Response response = http.send("POST", "/api/v1/auth/login", null, body, from);
                    double ms = (System.nanoTime() - t0) / 1e6;
                    client.statuses.merge(response.status(), 1L, Long::sum);
                    client.allMs.add(ms);
                    if (response.status() == 200) {
                        client.okMs.add(ms);
                    } else {
                        waitAsAsked(response, deadline);
                    }
                } catch (IOException e) {
                    client.ioErrors++;
                    http.close();
                }
            }
        } finally {
            http.close();
        }
        return client;
    }

    /**
     * As a real client does: a refusal with Retry-After is tried again no sooner than it says, plus up to half a
     * second at random so that the clients refused together do not all come back at the same instant.
     */
    private static void waitAsAsked(Http.Response refusal, long deadline) {
        String retryAfter = refusal.headers().get("retry-after");
        if (retryAfter == null) {
            return;
        }
        long waitNanos;
        try {
            waitNanos = Long.parseLong(retryAfter.trim()) * 1_000_000_000L
                    + ThreadLocalRandom.current().nextLong(RETRY_JITTER_MS + 1) * 1_000_000L;
        } catch (NumberFormatException notSeconds) {
            return;
        }
        long sleepNanos = Math.min(waitNanos, deadline - System.nanoTime());
        if (sleepNanos > 0) {
            try {
                Thread.sleep(sleepNanos / 1_000_000, (int) (sleepNanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final class Client {
        final Map<Integer, Long> statuses = new TreeMap<>();
        final List<Double> okMs = new ArrayList<>();
        final List<Double> allMs = new ArrayList<>();
        long ioErrors;
    }

    /** Every client's answers, gathered as the clients finish. */
    private static final class Results {
        private final List<Client> clients = Collections.synchronizedList(new ArrayList<>());

        void add(Client client) {
            clients.add(client);
        }

        Outcome outcome(double seconds) {
            Map<Integer, Long> statuses = new ConcurrentHashMap<>();
            List<Double> ok = new ArrayList<>();
            List<Double> all = new ArrayList<>();
            long ioErrors = 0;
            for (Client client : clients) {
                client.statuses.forEach((status, n) -> statuses.merge(status, n, Long::sum));
                ok.addAll(client.okMs);
                all.addAll(client.allMs);
                ioErrors += client.ioErrors;
            }
            return new Outcome(seconds, all.size() + ioErrors, new TreeMap<>(statuses), ioErrors,
                    ok.stream().mapToDouble(Double::doubleValue).toArray(),
                    all.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }
}
