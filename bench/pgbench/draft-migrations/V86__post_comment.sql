-- The whole write of a new comment as one call (one round trip, one commit): the posting budgets, the idempotency
-- claim, the thread gate and its lock check, slow mode, the repeat check, the parent and the insert, the striped
-- counters, automatic slow mode and the outbox row. Java decides what it can before (body, Markdown, word rules,
-- links, pre-moderation from cached settings, the fingerprint) and reads the outcome: which guard refused, if any. A
-- refusal after the budgets undoes every record the call made (the inner block is a subtransaction) and keeps the
-- spend: a refused reply still spends. VOLATILE PL/pgSQL, so each statement takes a fresh snapshot: what it reads
-- after taking the gate is what the gate's last exclusive holder (a lock) committed.
CREATE FUNCTION post_comment(
    p_author bigint, p_exempt boolean,
    -- budgets: ids carry name, setting and subject; p_spend is false when this request spent already (retry after 'stale')
    p_account_budget text, p_account_capacity integer, p_account_period integer,
    p_address_budget text, p_address_capacity integer, p_address_period integer,
    p_spend boolean,
    -- true when Java refused the comment already (a reject word, say): spend, then stop
    p_refused boolean,
    p_thread bigint, p_parent bigint,
    p_body text, p_body_html text, p_hold_reason text,
    p_fingerprint bytea, p_repeat_seconds integer,
    p_idempotency_key text, p_request_hash bytea,
    -- what Java decided from: the word rules' version and the thread's pre-moderation setting
    p_rules_version bigint, p_premoderation_checked boolean, p_premoderation text,
    -- automatic slow mode
    p_auto_per_minute integer, p_auto_seconds integer, p_auto_duration integer, p_auto_duration_words text,
    -- the connection's stripe (0..63): a pool sets forum.stripe per connection (connectionInitSql, from a sequence),
    -- so no two of its connections share a counter row; null reads that setting, else the new id decides
    p_stripe integer DEFAULT NULL)
    RETURNS TABLE (outcome text, comment_id bigint, depth integer, created_at timestamptz, retry_after double precision,
                   detail text)
    LANGUAGE plpgsql VOLATILE
    -- plan each statement once: custom plans would plan the big statement again on every call (measured 0.5 ms)
    SET plan_cache_mode = force_generic_plan AS
$$
DECLARE
    v_id      bigint := nextval('comment_id_seq');
    v_stripe  smallint := coalesce(p_stripe, nullif(current_setting('forum.stripe', true), '')::integer, v_id % 64);
    v_now     timestamptz := now();
    v_epoch   double precision := extract(epoch FROM now());
    v_minute  timestamptz := date_trunc('minute', now());
    v_counts  integer := CASE WHEN p_hold_reason IS NULL THEN 1 ELSE 0 END;
    -- the repeat check's key: the fingerprint's first 8 bytes (V85)
    v_text    bigint := ('x' || encode(substring(p_fingerprint FROM 1 FOR 8), 'hex'))::bit(64)::bigint;
    v_outcome text;
    v_retry   double precision;
    v_detail  text;
    r         record;
BEGIN
    IF p_spend THEN
        -- every attempt adds one to its stripe; the estimate adds the other stripes (those committed: posts in flight at
        -- this moment are not seen, so a burst may pass by up to the pool's size) and the last window, weighted by how
        -- much of it still lies within one period
        WITH k (id, capacity, period, kind, w) AS (
            VALUES (p_account_budget, p_account_capacity, p_account_period, 'budget-account',
                    floor(v_epoch / p_account_period)::bigint),
                   (p_address_budget, p_address_capacity, p_address_period, 'budget-address',
                    floor(v_epoch / p_address_period)::bigint)
        ), spent AS (
            INSERT INTO budget_stripe AS b (id, stripe, window_start, spent, previous, expires_at)
            SELECT k.id, v_stripe, k.w, 1, 0, to_timestamp((k.w + 2) * k.period) FROM k
            ON CONFLICT (id, stripe) DO UPDATE SET
                previous = CASE WHEN b.window_start >= excluded.window_start THEN b.previous
                                WHEN b.window_start = excluded.window_start - 1 THEN b.spent ELSE 0 END,
                spent = CASE WHEN b.window_start >= excluded.window_start THEN b.spent + 1 ELSE 1 END,
                window_start = greatest(b.window_start, excluded.window_start),
                expires_at = greatest(b.expires_at, excluded.expires_at)
            RETURNING b.id, b.spent, b.previous
        ), estimate AS (
            SELECT k.kind, k.capacity, k.period, v_epoch / k.period - k.w AS elapsed,
                   s.spent + coalesce(o.current, 0) AS current, s.previous + coalesce(o.previous, 0) AS previous
            FROM k JOIN spent s ON s.id = k.id
            LEFT JOIN LATERAL (
                SELECT sum(CASE WHEN x.window_start >= k.w THEN x.spent ELSE 0 END) AS current,
                       sum(CASE WHEN x.window_start >= k.w THEN x.previous
                                WHEN x.window_start = k.w - 1 THEN x.spent ELSE 0 END) AS previous
                FROM budget_stripe x WHERE x.id = k.id AND x.stripe <> v_stripe) o ON true
        )
        SELECT e.kind,
               -- seconds until the estimate leaves room for one more: within this window as the last one fades,
               -- or after it, as this one fades in turn
               CASE WHEN e.current <= e.capacity - 1 AND e.previous > 0
                        THEN (1 - (e.capacity - 1 - e.current) / e.previous::double precision - e.elapsed) * e.period
                    ELSE ((1 - e.elapsed) + greatest(0, 1 - (e.capacity - 1) / e.current::double precision)) * e.period END
        INTO v_outcome, v_retry
        FROM estimate e
        WHERE e.current + e.previous * (1 - e.elapsed) > e.capacity
        ORDER BY e.kind
        LIMIT 1;
        IF v_outcome IS NOT NULL THEN
            RETURN QUERY SELECT v_outcome, NULL::bigint, NULL::integer, NULL::timestamptz, greatest(v_retry, 1), NULL::text;
            RETURN;
        END IF;
    END IF;
    IF p_refused THEN
        RETURN QUERY SELECT 'spent', NULL::bigint, NULL::integer, NULL::timestamptz, NULL::double precision, NULL::text;
        RETURN;
    END IF;

    -- the thread's gate: replies share it until they commit; a lock takes it exclusively before its UPDATE, so the lock
    -- waits for the replies in flight, and every later reply reads the lock (the next statement's fresh snapshot);
    -- then this author's copies of this text, one at a time (the repeat check reads the comments they committed)
    PERFORM pg_advisory_xact_lock_shared(1, (p_thread % 2147483648)::integer),
            pg_advisory_xact_lock(3, hashtext(p_author || ':' || v_text));

    BEGIN
        -- one statement: each guard's write feeds the next, so a refusal writes nothing after it (and the raise below
        -- undoes what came before it); the upserts' guards are checked on the newest row, waiting for its writer
        WITH t AS (
            SELECT th.locked, th.lock_reason, th.premoderation,
                   CASE WHEN NOT p_exempt AND th.slow_mode_seconds > 0
                             AND (th.slow_mode_until IS NULL OR th.slow_mode_until > v_now)
                        THEN th.slow_mode_seconds ELSE 0 END AS seconds,
                   (p_premoderation_checked AND th.premoderation IS DISTINCT FROM p_premoderation)
                       OR (p_rules_version IS NOT NULL
                           AND p_rules_version IS DISTINCT FROM (SELECT s.version FROM word_rule_set s WHERE s.id = 1))
                       AS stale
            FROM thread th WHERE th.id = p_thread
        ), heat AS (
            -- automatic slow mode's estimate before this post: this minute's count plus the overlapping part of the
            -- last, over every stripe (committed ones)
            SELECT coalesce(sum(CASE WHEN x.minute >= v_minute THEN x.minute_comments ELSE 0 END), 0)
                   + coalesce(sum(CASE WHEN x.minute >= v_minute THEN x.previous_comments
                                       WHEN x.minute = v_minute - interval '1 minute' THEN x.minute_comments
                                       ELSE 0 END), 0) * (1 - extract(epoch FROM v_now - v_minute) / 60) AS per_minute
            FROM thread_counter x WHERE x.thread_id = p_thread
        ), open AS (
            -- slow mode's record is kept while slow mode holds, and while the thread is warm (half automatic slow
            -- mode's threshold), so a post made just before it switches on still counts; otherwise nobody needs it
            SELECT t.seconds,
                   t.seconds > 0 OR (SELECT h.per_minute FROM heat h) * 2 >= p_auto_per_minute AS recorded
            FROM t WHERE NOT t.locked AND NOT t.stale
        ), claim AS (
            -- a concurrent request with this key holds its claim until it commits or is refused: this waits for it;
            -- claimed whatever the thread's state, so a retry of a post made before a lock still replays it
            INSERT INTO idempotency_key (account_id, idempotency_key, request_hash, comment_id)
            SELECT p_author, p_idempotency_key, p_request_hash, v_id FROM t WHERE p_idempotency_key IS NOT NULL
            ON CONFLICT (account_id, idempotency_key) DO NOTHING
            RETURNING true AS claimed
        ), go AS (
            SELECT o.seconds, o.recorded FROM open o WHERE p_idempotency_key IS NULL OR EXISTS (SELECT 1 FROM claim)
        ), recorded AS (
            -- the post records when its author last posted here; within slow mode's interval it is refused
            INSERT INTO slow_mode_post AS p (thread_id, account_id, posted_at)
            SELECT p_thread, p_author, v_now FROM go WHERE go.recorded
            ON CONFLICT (thread_id, account_id) DO UPDATE SET posted_at = greatest(p.posted_at, excluded.posted_at)
            WHERE (SELECT g.seconds FROM go g) = 0
               OR p.posted_at <= v_now - make_interval(secs => (SELECT g.seconds FROM go g))
            RETURNING true AS ok
        ), slow AS (
            SELECT true AS ok FROM go WHERE NOT go.recorded OR EXISTS (SELECT 1 FROM recorded)
        ), fresh AS (
            -- the same text by the same author within the repeat window, anywhere (its comments are the record)
            SELECT true AS ok FROM slow
            WHERE NOT EXISTS (SELECT 1 FROM comment c
                              WHERE c.author_id = p_author AND c.text_hash = v_text
                                AND c.created_at > v_now - make_interval(secs => p_repeat_seconds))
        ), parent AS (
            -- counting the reply on its parent locks the parent row: a concurrent delete or removal sees it
            UPDATE comment c SET reply_count = c.reply_count + v_counts
            WHERE c.id = p_parent AND c.thread_id = p_thread AND c.deleted_at IS NULL AND c.removed_at IS NULL
              AND c.review_state IS NULL AND c.depth < 63 AND EXISTS (SELECT 1 FROM fresh)
            RETURNING c.root_id, c.path || comment_path_key(v_id) AS path, c.depth + 1 AS depth
        ), placed AS (
            SELECT coalesce(pa.root_id, v_id) AS root_id, coalesce(pa.path, '') AS path, coalesce(pa.depth, 0) AS depth
            FROM fresh LEFT JOIN parent pa ON true
            WHERE p_parent IS NULL OR pa.root_id IS NOT NULL
        ), inserted AS (
            INSERT INTO comment (id, thread_id, parent_id, root_id, depth, path, author_id, body, body_html,
                                 review_state, hold_reason, text_hash)
            SELECT v_id, p_thread, p_parent, pl.root_id, pl.depth, pl.path, p_author, p_body, p_body_html,
                   CASE WHEN p_hold_reason IS NULL THEN NULL ELSE 'pending' END, p_hold_reason, v_text
            FROM placed pl
            RETURNING comment.created_at, comment.depth
        ), counted AS (
            INSERT INTO thread_counter AS c (thread_id, stripe, comments, changes, minute, minute_comments)
            SELECT p_thread, v_stripe, v_counts, 1, v_minute, 1 FROM inserted
            ON CONFLICT (thread_id, stripe) DO UPDATE SET
                comments = c.comments + excluded.comments,
                changes = c.changes + 1,
                previous_comments = CASE WHEN c.minute >= excluded.minute THEN c.previous_comments
                                         WHEN c.minute = excluded.minute - interval '1 minute' THEN c.minute_comments
                                         ELSE 0 END,
                previous_flags = CASE WHEN c.minute >= excluded.minute THEN c.previous_flags
                                      WHEN c.minute = excluded.minute - interval '1 minute' THEN c.minute_flags
                                      ELSE 0 END,
                minute_comments = CASE WHEN c.minute >= excluded.minute THEN c.minute_comments + 1 ELSE 1 END,
                minute_flags = CASE WHEN c.minute >= excluded.minute THEN c.minute_flags ELSE 0 END,
                minute = greatest(c.minute, excluded.minute)
        ), event AS (
            -- numbered after commit by thread_event_number (a held comment is published when approved)
            INSERT INTO thread_event_queue (thread_id, type, comment_id)
            SELECT p_thread, 'comment.created', v_id FROM inserted WHERE p_hold_reason IS NULL
        )
        SELECT (SELECT count(*) FROM t) = 1 AS found, (SELECT t.locked FROM t) AS locked,
               (SELECT t.lock_reason FROM t) AS lock_reason, (SELECT t.stale FROM t) AS stale,
               (SELECT t.premoderation FROM t) AS premoderation, (SELECT t.seconds FROM t) AS seconds,
               EXISTS (SELECT 1 FROM claim) AS key_claimed, EXISTS (SELECT 1 FROM slow) AS slow_ok,
               EXISTS (SELECT 1 FROM fresh) AS fresh_ok, i.created_at, i.depth,
               -- with this post
               (SELECT h.per_minute + 1 FROM heat h) AS per_minute
        INTO r
        FROM (SELECT 1) one LEFT JOIN inserted i ON true;

        IF NOT r.found THEN
            v_outcome := 'thread-not-found';
        ELSIF p_idempotency_key IS NOT NULL AND NOT r.key_claimed THEN
            -- the key was claimed by a committed request: replay it, or refuse another request under it
            RETURN QUERY SELECT CASE WHEN k.request_hash = p_request_hash THEN 'replay' ELSE 'key-reused' END,
                                k.comment_id, NULL::integer, NULL::timestamptz, NULL::double precision, NULL::text
                         FROM idempotency_key k
                         WHERE k.account_id = p_author AND k.idempotency_key = p_idempotency_key;
            RETURN;
        ELSIF r.stale THEN
            v_outcome := 'stale';
            v_detail := r.premoderation;
        ELSIF r.locked THEN
            v_outcome := 'locked';
            v_detail := r.lock_reason;
        ELSIF NOT r.slow_ok THEN
            v_outcome := 'slow-mode';
            v_detail := r.seconds::text;
            SELECT greatest(extract(epoch FROM p.posted_at + make_interval(secs => r.seconds) - clock_timestamp()), 1)
            INTO v_retry
            FROM slow_mode_post p WHERE p.thread_id = p_thread AND p.account_id = p_author;
        ELSIF NOT r.fresh_ok THEN
            v_outcome := 'repeat';
        ELSIF r.created_at IS NULL THEN
            SELECT CASE WHEN c.id IS NULL OR c.thread_id <> p_thread OR c.review_state = 'pending' THEN 'parent-not-found'
                        WHEN c.deleted_at IS NOT NULL THEN 'parent-deleted'
                        WHEN c.removed_at IS NOT NULL THEN 'parent-removed'
                        WHEN c.review_state = 'flagged' THEN 'parent-in-review'
                        ELSE 'too-deep' END
            INTO v_outcome
            FROM (SELECT 1) one LEFT JOIN comment c ON c.id = p_parent;
        END IF;
        IF v_outcome IS NOT NULL THEN
            RAISE SQLSTATE 'FRF01';
        END IF;

        IF r.per_minute > p_auto_per_minute THEN
            -- guarded by "not in slow mode yet": concurrent posters switch it once (the second waits, then finds it on)
            UPDATE thread t SET slow_mode_seconds = p_auto_seconds,
                                slow_mode_until = v_now + make_interval(secs => p_auto_duration)
            WHERE t.id = p_thread
              AND NOT (t.slow_mode_seconds > 0 AND (t.slow_mode_until IS NULL OR t.slow_mode_until > now()));
            IF FOUND THEN
                INSERT INTO audit_entry (actor_id, action, target_type, target_id, reason)
                VALUES (NULL, 'thread.slow-mode.auto', 'thread', p_thread,
                        'About ' || round(r.per_minute) || ' new comments in a minute: one comment every '
                            || p_auto_seconds || ' seconds per reader for ' || p_auto_duration_words || '.');
            END IF;
        END IF;
    EXCEPTION WHEN SQLSTATE 'FRF01' THEN
        RETURN QUERY SELECT v_outcome, NULL::bigint, NULL::integer, NULL::timestamptz, v_retry, v_detail;
        RETURN;
    END;
    RETURN QUERY SELECT CASE WHEN p_hold_reason IS NULL THEN 'created' ELSE 'held' END, v_id, r.depth, r.created_at,
                        NULL::double precision, NULL::text;
END
$$;
