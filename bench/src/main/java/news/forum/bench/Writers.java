package news.forum.bench;

import news.forum.web.PublicIds;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static news.forum.web.PublicIds.Kind.COMMENT;
import static news.forum.web.PublicIds.Kind.THREAD;

/**
 * Posting workloads 3 and 4: each writer is one keep-alive connection posting one comment at a time. A writer
 * stops starting requests at the deadline and finishes the one in flight, so every 201 it saw is known.
 */
final class Writers {

    record Posted(long id, long threadId, int depth) {
    }

    record Outcome(int writers, double seconds, List<Posted> created, Map<Integer, Long> otherStatuses,
                   double[] latenciesMs) {
        double rate() {
            return created.size() / seconds;
        }
    }

    private static final String[] SENTENCES = {
            "The minister said troops would never be sent.",
            "History suggests *otherwise*, and readers remember when that promise was made.",
            "Nobody wanted this war, yet everyone paid for it.",
            "See the [earlier report](https://example.org/report) for the figures.",
            "That is not what we were told in 2011, and the record shows it.",
            "I agree with the first half; the second half ignores who decides.",
    };

    private Writers() {
    }

    /** A comment of one to five sentences, ending with its writer and number: one author never repeats a text. */
    static String body(Random random, String signature) {
        StringBuilder body = new StringBuilder();
        int sentences = 1 + random.nextInt(5);
        boolean linked = false;
        for (int i = 0; i < sentences; i++) {
            String sentence = SENTENCES[random.nextInt(SENTENCES.length)];
            if (sentence.contains("](")) {
                if (linked) {
                    continue; // one link at most: more than FORUM_MAX_LINKS would send the comment for review (202)
                }
                linked = true;
            }
            body.append(i == 0 ? "" : " ").append(sentence);
        }
        body.append(" (").append(signature).append(')');
        return "{\"body\":" + Json.quote(body.toString());
    }

    /** One client, one connection: {@code count} comments, the first {@code topLevel} chosen at random positions. */
    static Outcome sequential(int port, String token, long threadId, int count, int topLevel, long seed,
                              PublicIds ids)
            throws IOException {
        Random random = new Random(seed);
        String run = runName();
        boolean[] top = new boolean[count];
        top[0] = true;
        for (int placed = 1; placed < topLevel; ) {
            int i = random.nextInt(count);
            if (!top[i]) {
                top[i] = true;
                placed++;
            }
        }
        List<Posted> created = new ArrayList<>();
        List<Posted> replyable = new ArrayList<>();
        Map<Integer, Long> other = new TreeMap<>();
        double[] latencies = new double[count];
        String path = "/api/v1/threads/" + ids.format(THREAD, threadId) + "/comments";
        long started = System.nanoTime();
        try (Http http = new Http(port)) {
            for (int i = 0; i < count; i++) {
                String json = body(random, run + ", comment " + i);
                if (!top[i]) {
                    json += ",\"parentId\":\"" + ids.format(COMMENT, replyable.get(random.nextInt(replyable.size())).id()) + "\"";
                }
                long t0 = System.nanoTime();
                Http.Response response = http.post(path, token, json + "}");
                latencies[i] = (System.nanoTime() - t0) / 1e6;
                if (response.status() == 201) {
                    Posted posted = posted(response.body(), threadId, ids);
                    created.add(posted);
                    if (posted.depth() < 8) {
                        replyable.add(posted);
                    }
                } else {
                    other.merge(response.status(), 1L, Long::sum);
                }
            }
        }
        return new Outcome(1, (System.nanoTime() - started) / 1e9, created, other, latencies);
    }

    /**
     * {@code writers} connections for {@code seconds}; each post goes to a random thread of {@code threadIds}
     * and replies (four times in five) to a random comment that writer made there before at depth under 8.
     */
    static Outcome concurrent(int port, List<String> tokens, List<Long> threadIds, int writers, double seconds,
                              long seed, PublicIds ids) throws InterruptedException {
        List<Posted> created = java.util.Collections.synchronizedList(new ArrayList<>());
        String run = runName();
        Map<Integer, Long> other = new ConcurrentHashMap<>();
        List<Double> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong failures = new AtomicLong();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            Thread thread = new Thread(() -> {
                Random random = new Random(seed + writer);
                String token = tokens.get(writer % tokens.size());
                Map<Long, List<Posted>> mine = new java.util.HashMap<>();
                List<Double> myLatencies = new ArrayList<>();
                long sent = 0;
                try (Http http = new Http(port)) {
                    while (System.nanoTime() < deadline) {
                        long threadId = threadIds.get(random.nextInt(threadIds.size()));
                        List<Posted> earlier = mine.computeIfAbsent(threadId, k -> new ArrayList<>());
                        String json = body(random, run + ", writer " + writer + ", comment " + sent++);
                        if (!earlier.isEmpty() && random.nextInt(5) != 0) {
                            json += ",\"parentId\":\"" + ids.format(COMMENT, earlier.get(random.nextInt(earlier.size())).id()) + "\"";
                        }
                        long t0 = System.nanoTime();
                        Http.Response response = http.post("/api/v1/threads/" + ids.format(THREAD, threadId) + "/comments", token,
                                json + "}");
                        myLatencies.add((System.nanoTime() - t0) / 1e6);
                        if (response.status() == 201) {
                            Posted posted = posted(response.body(), threadId, ids);
                            created.add(posted);
                            if (posted.depth() < 8) {
                                earlier.add(posted);
                            }
                        } else {
                            other.merge(response.status(), 1L, Long::sum);
                        }
                    }
                } catch (IOException e) {
                    failures.incrementAndGet();
                    other.merge(-1, 1L, Long::sum);
                }
                latencies.addAll(myLatencies);
            }, "writer-" + w);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        return new Outcome(writers, elapsed, created, new TreeMap<>(other),
                latencies.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Tells this run's comments from an earlier run's by the same authors (the data directory is kept). */
    private static String runName() {
        return "run " + Long.toString(System.nanoTime(), 36);
    }

    private static Posted posted(String body, long threadId, PublicIds ids) {
        return new Posted(ids.parse(COMMENT, Json.field(body, "id")), threadId, Integer.parseInt(Json.field(body, "depth")));
    }
}
