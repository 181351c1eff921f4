-- Numbers the committed queued events, one pass at a time across every instance (an advisory lock; the next
-- statement's snapshot sees what the last pass committed): moves them into thread_event in id order per thread,
-- continuing each thread's head, then notifies once per pass ("thread:last,thread:last,...", in pieces under
-- NOTIFY's 8,000 bytes). Called by every instance's numberer after its own writes commit, and now and then for events
-- whose writer stopped before calling it; the caller commits with synchronous commit on (a number sent to a client
-- must survive a crash, or a resume after one would read other events under the same numbers).
CREATE FUNCTION thread_event_number(p_limit integer)
    RETURNS TABLE (thread_id bigint, last_seq bigint, numbered integer)
    LANGUAGE plpgsql VOLATILE
    SET plan_cache_mode = force_generic_plan AS
$$
DECLARE
    r      record;
    notice text := '';
BEGIN
    PERFORM pg_advisory_xact_lock(2, 0);
    FOR r IN
        WITH moved AS (
            DELETE FROM thread_event_queue q
            WHERE q.id IN (SELECT u.id FROM thread_event_queue u ORDER BY u.id LIMIT p_limit)
            RETURNING q.id, q.thread_id, q.type, q.comment_id, q.created_at
        ), ranked AS (
            SELECT m.*, row_number() OVER (PARTITION BY m.thread_id ORDER BY m.id) AS n FROM moved m
        ), added AS (
            SELECT k.thread_id, max(k.n) AS n FROM ranked k GROUP BY k.thread_id
        ), heads AS (
            INSERT INTO thread_event_head AS h (thread_id, seq)
            SELECT a.thread_id, a.n FROM added a
            ON CONFLICT ON CONSTRAINT thread_event_head_pkey DO UPDATE SET seq = h.seq + excluded.seq
            RETURNING h.thread_id, h.seq
        ), inserted AS (
            INSERT INTO thread_event (thread_id, seq, type, comment_id, created_at)
            SELECT k.thread_id, h.seq - a.n + k.n, k.type, k.comment_id, k.created_at
            FROM ranked k JOIN added a ON a.thread_id = k.thread_id JOIN heads h ON h.thread_id = k.thread_id
        )
        SELECT h.thread_id, h.seq, a.n FROM heads h JOIN added a ON a.thread_id = h.thread_id ORDER BY h.thread_id
    LOOP
        IF length(notice) > 7900 THEN
            PERFORM pg_notify('forum_thread_event', notice);
            notice := '';
        END IF;
        notice := notice || CASE WHEN notice = '' THEN '' ELSE ',' END || r.thread_id || ':' || r.seq;
        thread_id := r.thread_id;
        last_seq := r.seq;
        numbered := r.n;
        RETURN NEXT;
    END LOOP;
    IF notice <> '' THEN
        PERFORM pg_notify('forum_thread_event', notice);
    END IF;
END
$$;
