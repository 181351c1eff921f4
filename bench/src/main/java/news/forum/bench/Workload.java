package news.forum.bench;

/**
 * One part of the suite: a workload of issue 5 (or a later issue) or a baseline measured beside them. It runs
 * against the suite's server and data, bounded in time, puts its figures into the report under its own key and
 * records a failure for any count that does not add up.
 */
interface Workload {

    /** What {@code bench/run --only NAME} takes. */
    String name();

    /** Whether its figures are set against the static file's throughput (then --only measures that baseline too). */
    default boolean needsStaticBaseline() {
        return false;
    }

    void run(Suite suite) throws Exception;
}
