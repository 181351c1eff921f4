-- Numbers committed outbox rows, one pass at a time across every instance (an advisory lock; the next statement's
-- snapshot sees what the last pass committed), in id order per thread, continuing each thread's head; then notifies
-- each thread's new last number. Called by every instance's numberer after its own writes commit and now and then
-- for rows whose writer stopped before calling it; the caller commits with synchronous commit (a number sent to a
-- client must survive a crash, or a resume after one would read other events under the same numbers).
CREATE FUNCTION thread_event_number(p_limit integer)
    RETURNS TABLE (thread_id bigint, last_seq bigint, numbered integer)
    LANGUAGE plpgsql VOLATILE AS
$$
DECLARE
    r record;
BEGIN
    PERFORM pg_advisory_xact_lock(2, 0);
    FOR r IN
        WITH todo AS (
            SELECT e.id, e.thread_id, row_number() OVER (PARTITION BY e.thread_id ORDER BY e.id) AS n
            FROM (SELECT u.id, u.thread_id FROM thread_event u WHERE u.seq IS NULL ORDER BY u.id LIMIT p_limit) e
        ), added AS (
            SELECT t.thread_id, max(t.n) AS n FROM todo t GROUP BY t.thread_id
        ), heads AS (
            INSERT INTO thread_event_head AS h (thread_id, seq)
            SELECT a.thread_id, a.n FROM added a
            ON CONFLICT ON CONSTRAINT thread_event_head_pkey DO UPDATE SET seq = h.seq + excluded.seq
            RETURNING h.thread_id, h.seq
        ), renumbered AS (
            UPDATE thread_event e SET seq = h.seq - a.n + t.n
            FROM todo t JOIN added a ON a.thread_id = t.thread_id JOIN heads h ON h.thread_id = t.thread_id
            WHERE e.id = t.id
            RETURNING e.thread_id
        )
        SELECT h.thread_id, h.seq, a.n FROM heads h JOIN added a ON a.thread_id = h.thread_id
    LOOP
        PERFORM pg_notify('forum_thread_event', r.thread_id || ':' || r.seq);
        thread_id := r.thread_id;
        last_seq := r.seq;
        numbered := r.n;
        RETURN NEXT;
    END LOOP;
END
$$;
