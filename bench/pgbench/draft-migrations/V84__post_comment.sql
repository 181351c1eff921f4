-- The whole write of a new comment as one call (one round trip, one commit): the posting budgets, the idempotency
-- claim, the thread gate and its lock check, slow mode, the repeat check, the parent and the insert, the striped
-- counters, automatic slow mode and the outbox row. Java decides everything it can before (body, Markdown, word
-- rules, links, pre-moderation from cached settings, the fingerprint) and reads the outcome: which guard refused, if
-- any. A refusal after the budgets undoes every record the call made (the inner block is a subtransaction) but keeps
-- the spend, so a refused reply still spends. Volatile PL/pgSQL: each statement takes a fresh snapshot, so what it
-- reads after taking a lock is what the lock's holder committed.
CREATE FUNCTION post_comment(
    p_author bigint, p_exempt boolean,
    -- budgets: ids carry name, setting and subject; p_spend false when this request already spent (a retry after 'stale')
    p_account_budget text, p_account_capacity integer, p_account_period integer,
    p_address_budget text, p_address_capacity integer, p_address_period integer,
    p_spend boolean,
    -- true when Java refused the comment already (a reject word, a bad body): spend, then stop
    p_refused boolean,
    p_thread bigint, p_parent bigint,
    p_body text, p_body_html text, p_hold_reason text,
    p_fingerprint bytea, p_repeat_seconds integer,
    p_idempotency_key text, p_request_hash bytea,
    -- what Java decided from: the word rules' version and the thread's pre-moderation setting (null: not consulted)
    p_rules_version bigint, p_premoderation_checked boolean, p_premoderation text,
    -- automatic slow mode
    p_auto_per_minute integer, p_auto_seconds integer, p_auto_duration integer, p_auto_duration_words text,
    -- the connection's stripe (0..63): set per pooled connection (connectionInitSql: forum.stripe from a sequence),
    -- so that the connections of a pool never share a counter row; null reads that setting, else the new id decides
    p_stripe integer DEFAULT NULL)
    RETURNS TABLE (outcome text, comment_id bigint, depth integer, created_at timestamptz, retry_after double precision,
                   detail text)
    LANGUAGE plpgsql VOLATILE AS
$$
DECLARE
    v_id        bigint := nextval('comment_id_seq');
    v_stripe    smallint := coalesce(p_stripe, nullif(current_setting('forum.stripe', true), '')::integer, v_id % 64)::smallint;
    v_now       timestamptz := now();
    v_epoch     double precision := extract(epoch FROM now());
    v_counts    integer := CASE WHEN p_hold_reason IS NULL THEN 1 ELSE 0 END;
    v_outcome   text;
    v_retry     double precision;
    v_detail    text;
    v_hash      bytea;
    v_earlier   bigint;
    v_thread    record;
    v_seconds   integer;
    v_root      bigint;
    v_path      text := '';
    v_depth     integer := 0;
    v_created   timestamptz;
    v_minute    timestamptz := date_trunc('minute', now());
    v_per_min   double precision;
BEGIN
    IF p_spend THEN
        -- every attempt adds one to its own stripe of this window; the estimate adds the other stripes (committed
        -- ones: posts in flight at this very moment are not seen, so a burst may pass by up to the pool's size) and
        -- the last window, weighted by how much of it still lies within one period
        WITH spent AS (
            INSERT INTO budget_window AS b (id, window_start, stripe, spent, expires_at)
            VALUES (p_account_budget, floor(v_epoch / p_account_period)::bigint, v_stripe, 1,
                    to_timestamp((floor(v_epoch / p_account_period) + 2) * p_account_period)),
                   (p_address_budget, floor(v_epoch / p_address_period)::bigint, v_stripe, 1,
                    to_timestamp((floor(v_epoch / p_address_period) + 2) * p_address_period))
            ON CONFLICT (id, window_start, stripe) DO UPDATE SET spent = b.spent + 1
            RETURNING b.id, b.window_start, b.spent
        ), estimate AS (
            SELECT s.id, s.window_start, k.capacity, k.period, k.kind,
                   s.spent + coalesce((SELECT sum(o.spent) FROM budget_window o
                                       WHERE o.id = s.id AND o.window_start = s.window_start
                                         AND o.stripe <> v_stripe), 0) AS current,
                   coalesce((SELECT sum(o.spent) FROM budget_window o
                             WHERE o.id = s.id AND o.window_start = s.window_start - 1), 0) AS previous,
                   v_epoch / k.period - s.window_start AS elapsed
            FROM spent s
            JOIN (VALUES (p_account_budget, p_account_capacity, p_account_period, 'budget-account'),
                         (p_address_budget, p_address_capacity, p_address_period, 'budget-address'))
                 AS k(id, capacity, period, kind) ON k.id = s.id
        )
        SELECT e.kind,
               -- seconds until the estimate leaves room for one more: within this window as the last one fades,
               -- or once this window is the last one and fades in turn
               CASE WHEN e.current <= e.capacity - 1 AND e.previous > 0
                        THEN (1 - (e.capacity - 1 - e.current) / e.previous - e.elapsed) * e.period
                    ELSE ((1 - e.elapsed) + greatest(0, 1 - (e.capacity - 1) / e.current)) * e.period END
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

    BEGIN
        IF p_idempotency_key IS NOT NULL THEN
            -- a concurrent request with this key holds its claim until it commits or is refused: this waits for it
            INSERT INTO idempotency_key (account_id, idempotency_key, request_hash)
            VALUES (p_author, p_idempotency_key, p_request_hash)
            ON CONFLICT (account_id, idempotency_key) DO NOTHING;
            IF NOT FOUND THEN
                SELECT k.request_hash, k.comment_id INTO v_hash, v_earlier
                FROM idempotency_key k WHERE k.account_id = p_author AND k.idempotency_key = p_idempotency_key;
                RETURN QUERY SELECT CASE WHEN v_hash = p_request_hash THEN 'replay' ELSE 'key-reused' END,
                                    v_earlier, NULL::integer, NULL::timestamptz, NULL::double precision, NULL::text;
                RETURN;
            END IF;
        END IF;

        -- the thread's gate: replies share it until they commit; a lock takes it exclusively before its UPDATE, so it
        -- waits for replies in flight and every later reply reads the lock (the next statement's snapshot)
        PERFORM pg_advisory_xact_lock_shared(1, (p_thread % 2147483648)::integer);
        SELECT t.locked, t.lock_reason, t.slow_mode_seconds, t.slow_mode_until, t.premoderation INTO v_thread
        FROM thread t WHERE t.id = p_thread;
        IF NOT FOUND THEN
            v_outcome := 'thread-not-found';
            RAISE SQLSTATE 'FRF01';
        END IF;
        IF (p_premoderation_checked AND v_thread.premoderation IS DISTINCT FROM p_premoderation)
            OR (p_rules_version IS NOT NULL
                AND p_rules_version IS DISTINCT FROM (SELECT s.version FROM word_rule_set s WHERE s.id = 1)) THEN
            v_outcome := 'stale';
            v_detail := v_thread.premoderation;
            RAISE SQLSTATE 'FRF01';
        END IF;
        IF v_thread.locked THEN
            v_outcome := 'locked';
            v_detail := v_thread.lock_reason;
            RAISE SQLSTATE 'FRF01';
        END IF;

        -- slow mode: every post records when its author last posted here; within the interval it is refused
        v_seconds := CASE WHEN NOT p_exempt AND v_thread.slow_mode_seconds > 0
                               AND (v_thread.slow_mode_until IS NULL OR v_thread.slow_mode_until > v_now)
                          THEN v_thread.slow_mode_seconds ELSE 0 END;
        INSERT INTO slow_mode_post AS p (thread_id, account_id, posted_at) VALUES (p_thread, p_author, v_now)
        ON CONFLICT (thread_id, account_id) DO UPDATE SET posted_at = greatest(p.posted_at, excluded.posted_at)
        WHERE v_seconds = 0 OR p.posted_at <= v_now - make_interval(secs => v_seconds);
        IF NOT FOUND THEN
            SELECT extract(epoch FROM p.posted_at + make_interval(secs => v_seconds) - clock_timestamp()) INTO v_retry
            FROM slow_mode_post p WHERE p.thread_id = p_thread AND p.account_id = p_author;
            v_outcome := 'slow-mode';
            v_retry := greatest(v_retry, 1);
            v_detail := v_seconds::text;
            RAISE SQLSTATE 'FRF01';
        END IF;

        -- the same text by the same author within the repeat window
        INSERT INTO recent_comment_text AS r (author_id, fingerprint, posted_at) VALUES (p_author, p_fingerprint, v_now)
        ON CONFLICT (author_id, fingerprint) DO UPDATE SET posted_at = excluded.posted_at
        WHERE r.posted_at <= v_now - make_interval(secs => p_repeat_seconds);
        IF NOT FOUND THEN
            v_outcome := 'repeat';
            RAISE SQLSTATE 'FRF01';
        END IF;

        IF p_parent IS NOT NULL THEN
            -- counting the reply on its parent locks the parent row: a concurrent delete or removal sees it
            UPDATE comment c SET reply_count = c.reply_count + v_counts
            WHERE c.id = p_parent AND c.thread_id = p_thread AND c.deleted_at IS NULL AND c.removed_at IS NULL
              AND c.review_state IS NULL AND c.depth < 63
            RETURNING c.root_id, c.path || comment_path_key(v_id), c.depth + 1 INTO v_root, v_path, v_depth;
            IF NOT FOUND THEN
                SELECT CASE WHEN c.id IS NULL OR c.thread_id <> p_thread OR c.review_state = 'pending' THEN 'parent-not-found'
                            WHEN c.deleted_at IS NOT NULL THEN 'parent-deleted'
                            WHEN c.removed_at IS NOT NULL THEN 'parent-removed'
                            WHEN c.review_state = 'flagged' THEN 'parent-in-review'
                            ELSE 'too-deep' END
                INTO v_outcome
                FROM (SELECT 1) one LEFT JOIN comment c ON c.id = p_parent;
                RAISE SQLSTATE 'FRF01';
            END IF;
        END IF;

        INSERT INTO comment (id, thread_id, parent_id, root_id, depth, path, author_id, body, body_html, review_state,
                             hold_reason)
        VALUES (v_id, p_thread, p_parent, coalesce(v_root, v_id), v_depth, v_path,
                p_author, p_body, p_body_html, CASE WHEN p_hold_reason IS NULL THEN NULL ELSE 'pending' END,
                p_hold_reason)
        RETURNING comment.created_at INTO v_created;

        INSERT INTO thread_counter AS c (thread_id, stripe, comments, changes) VALUES (p_thread, v_stripe, v_counts, 1)
        ON CONFLICT (thread_id, stripe) DO UPDATE SET comments = c.comments + excluded.comments, changes = c.changes + 1;

        -- automatic slow mode: this minute's count plus the overlapping part of the last, over every stripe
        INSERT INTO thread_activity AS a (thread_id, minute, stripe, comments) VALUES (p_thread, v_minute, v_stripe, 1)
        ON CONFLICT (thread_id, minute, stripe) DO UPDATE SET comments = a.comments + 1;
        SELECT coalesce(sum(a.comments) FILTER (WHERE a.minute = v_minute), 0)
                   + coalesce(sum(a.comments) FILTER (WHERE a.minute < v_minute), 0)
                     * (1 - extract(epoch FROM v_now - v_minute) / 60)
        INTO v_per_min
        FROM thread_activity a
        WHERE a.thread_id = p_thread AND a.minute IN (v_minute, v_minute - interval '1 minute');
        IF v_per_min > p_auto_per_minute THEN
            -- guarded by "not in slow mode yet": concurrent posters switch it once (the second waits, then finds it on)
            UPDATE thread t SET slow_mode_seconds = p_auto_seconds,
                                slow_mode_until = v_now + make_interval(secs => p_auto_duration)
            WHERE t.id = p_thread
              AND NOT (t.slow_mode_seconds > 0 AND (t.slow_mode_until IS NULL OR t.slow_mode_until > now()));
            IF FOUND THEN
                INSERT INTO audit_entry (actor_id, action, target_type, target_id, reason)
                VALUES (NULL, 'thread.slow-mode.auto', 'thread', p_thread,
                        'About ' || round(v_per_min) || ' new comments in a minute: one comment every ' || p_auto_seconds
                            || ' seconds per reader for ' || p_auto_duration_words || '.');
            END IF;
        END IF;

        IF p_hold_reason IS NULL THEN
            -- numbered after commit by thread_event_number (a held comment is published when approved)
            INSERT INTO thread_event (thread_id, type, comment_id) VALUES (p_thread, 'comment.created', v_id);
        END IF;
        IF p_idempotency_key IS NOT NULL THEN
            UPDATE idempotency_key k SET comment_id = v_id
            WHERE k.account_id = p_author AND k.idempotency_key = p_idempotency_key;
        END IF;
    EXCEPTION WHEN SQLSTATE 'FRF01' THEN
        RETURN QUERY SELECT v_outcome, NULL::bigint, NULL::integer, NULL::timestamptz, v_retry, v_detail;
        RETURN;
    END;
    RETURN QUERY SELECT CASE WHEN p_hold_reason IS NULL THEN 'created' ELSE 'held' END, v_id, v_depth, v_created,
                        NULL::double precision, NULL::text;
END
$$;
