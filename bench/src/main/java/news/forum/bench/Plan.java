package news.forum.bench;

/**
 * How long and how big each workload runs: the full suite (about 6 minutes), the smoke run (under a minute, counts
 * only) or workload 8 alone at full size. Every run is bounded by these times.
 */
record Plan(String name, int[] sizes, double readSeconds, double warmSeconds, int wholeRepeats, int sequentialPosts,
            int sequentialTopLevel, double concurrentSeconds, int spreadThreads, double mixedSeconds,
            int mixedThreadSize, int startups, double pgbenchSeconds, int streams, int fanOutRounds,
            int loginClients, double loginSeconds) {

    static final Plan FULL = new Plan("full", new int[]{1_000, 100_000, 1_000_000}, 6, 2, 20, 1_000, 100, 10, 1_000,
            15, 10_000, 3, 6, 10_000, 5, 32, 10);
    /** Workload 8 alone at full size (bench/run --streams), on a throw-away data directory. */
    static final Plan STREAMS = new Plan("streams", new int[]{}, 6, 2, 0, 0, 0, 0, 0, 0, 10_000, 0, 0, 10_000, 5, 0, 0);
    static final Plan SMOKE = new Plan("smoke", new int[]{1_000, 5_000}, 1, 0, 2, 200, 20, 1.5, 50, 2, 1_000, 1, 0, 200, 2,
            8, 1.5);

    static final String[] SORTS = {"oldest", "newest", "top"};
    static final int READ_CONNECTIONS = 64;
    static final int WRITERS = 32;
    static final int AUTHORS = 8;

    boolean smoke() {
        return this == SMOKE;
    }

    /** Only the full suite keeps its data directory (the million-comment thread is generated once). */
    boolean keepsData() {
        return this == FULL;
    }
}
