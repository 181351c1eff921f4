-- Replies in batches: the posting worker of an instance takes every reply waiting for it (one per idempotency key) and
-- writes them with one call, one transaction, one commit, so under load the executor's start-up and the commit are
-- paid once per batch instead of once per reply (group commit in the application; PostgreSQL merges only the flushes).
-- The same rules as post_comment (V85), set-based: every post spends its budgets; then, holding the gates of its
-- threads, the locks of its (author, text) and, in slow mode, of its (thread, author), a fresh snapshot decides each
-- post from what is committed, ranked within the batch (a second copy of one text by one author is a repeat, a second
-- post by one author into one slow-mode thread is refused), and only accepted posts write. No refusal needs undoing.
-- p_posts: [{i, author, exempt, account_budget, address_budget, refused, thread, parent, body, html, hold, fp (hex),
--            key, hash (hex), premoderation_checked, premoderation}], one result row per post (by i).
CREATE FUNCTION post_comments(
    p_posts jsonb,
    p_account_capacity integer, p_account_period integer, p_address_capacity integer, p_address_period integer,
    p_repeat_seconds integer, p_rules_version bigint,
    p_auto_per_minute integer, p_auto_seconds integer, p_auto_duration integer, p_auto_duration_words text,
    p_stripe integer DEFAULT NULL)
    RETURNS TABLE (i integer, outcome text, comment_id bigint, depth integer, created_at timestamptz,
                   retry_after double precision, detail text)
    LANGUAGE plpgsql VOLATILE
    SET plan_cache_mode = force_generic_plan AS
$$
DECLARE
    v_stripe  smallint := coalesce(p_stripe, nullif(current_setting('forum.stripe', true), '')::integer,
                                   (random() * 63)::integer);
    v_now     timestamptz := now();
    v_epoch   double precision := extract(epoch FROM now());
    v_minute  timestamptz := date_trunc('minute', now());
    v_over    jsonb;
    v_rules   bigint;
    v_locks   bigint;
    r         record;
BEGIN
    -- 1. budgets, every post, counted in batch order; and the locks, in one global order (namespace, key): the gates
    --    of the threads (shared), the (author, text) locks, and the (thread, author) locks where slow mode holds now
    WITH posts AS (
        SELECT x.* FROM jsonb_to_recordset(p_posts)
            AS x(i integer, author bigint, account_budget text, address_budget text, thread bigint, fp text)
    ), uses AS (
        SELECT p.i, p.account_budget AS id, p_account_capacity AS capacity, p_account_period AS period,
               'budget-account' AS kind FROM posts p
        UNION ALL
        SELECT p.i, p.address_budget, p_address_capacity, p_address_period, 'budget-address' FROM posts p
    ), k AS (
        SELECT u.id, u.capacity, u.period, floor(v_epoch / u.period)::bigint AS w, count(*)::integer AS n
        FROM uses u GROUP BY u.id, u.capacity, u.period
    ), spent AS (
        INSERT INTO budget_stripe AS b (id, stripe, window_start, spent, previous, expires_at)
        SELECT k.id, v_stripe, k.w, k.n, 0, to_timestamp((k.w + 2) * k.period) FROM k
        ON CONFLICT (id, stripe) DO UPDATE SET
            previous = CASE WHEN b.window_start >= excluded.window_start THEN b.previous
                            WHEN b.window_start = excluded.window_start - 1 THEN b.spent ELSE 0 END,
            spent = CASE WHEN b.window_start >= excluded.window_start THEN b.spent + excluded.spent ELSE excluded.spent END,
            window_start = greatest(b.window_start, excluded.window_start),
            expires_at = greatest(b.expires_at, excluded.expires_at)
        RETURNING b.id, b.spent, b.previous
    ), estimate AS (
        -- what the budget held before this batch
        SELECT k.id, k.capacity, k.period, v_epoch / k.period - k.w AS elapsed,
               s.spent - k.n + coalesce(o.current, 0) AS current, s.previous + coalesce(o.previous, 0) AS previous
        FROM k JOIN spent s ON s.id = k.id
        LEFT JOIN LATERAL (
            SELECT sum(CASE WHEN x.window_start >= k.w THEN x.spent ELSE 0 END) AS current,
                   sum(CASE WHEN x.window_start >= k.w THEN x.previous
                            WHEN x.window_start = k.w - 1 THEN x.spent ELSE 0 END) AS previous
            FROM budget_stripe x WHERE x.id = k.id AND x.stripe <> v_stripe) o ON true
    ), over AS (
        SELECT u.i, u.kind, e.capacity, e.period, e.elapsed,
               e.current + row_number() OVER (PARTITION BY u.id ORDER BY u.i) AS current, e.previous
        FROM uses u JOIN estimate e ON e.id = u.id
    ), refused AS (
        SELECT DISTINCT ON (o.i) o.i, o.kind,
               CASE WHEN o.current <= o.capacity - 1 AND o.previous > 0
                        THEN (1 - (o.capacity - 1 - o.current) / o.previous::double precision - o.elapsed) * o.period
                    ELSE ((1 - o.elapsed) + greatest(0, 1 - (o.capacity - 1) / o.current::double precision)) * o.period
               END AS retry
        FROM over o WHERE o.current + o.previous * (1 - o.elapsed) > o.capacity
        ORDER BY o.i, o.kind
    ), locks AS (
        SELECT 1 AS ns, (p.thread % 2147483648)::integer AS key FROM posts p
        UNION
        SELECT 3, hashtext(p.author || ':' || p.fp) FROM posts p
        UNION
        SELECT 4, hashtext(p.thread || ':' || p.author) FROM posts p JOIN thread t ON t.id = p.thread
        WHERE t.slow_mode_seconds > 0 AND (t.slow_mode_until IS NULL OR t.slow_mode_until > v_now)
    ), taken AS (
        SELECT count(CASE WHEN l.ns = 1 THEN pg_advisory_xact_lock_shared(l.ns, l.key)::text
                          ELSE pg_advisory_xact_lock(l.ns, l.key)::text END) AS n
        FROM (SELECT * FROM locks ORDER BY ns, key) l
    )
    SELECT (SELECT jsonb_object_agg(f.i::text, jsonb_build_object('kind', f.kind, 'retry', f.retry)) FROM refused f),
           (SELECT t.n FROM taken t)
    INTO v_over, v_locks;
    v_over := coalesce(v_over, '{}'::jsonb);
    SELECT s.version INTO v_rules FROM word_rule_set s WHERE s.id = 1;

    -- 2. a fresh snapshot: decide every post, write the accepted ones
    RETURN QUERY
    WITH posts AS (
        SELECT x.*, decode(x.fp, 'hex') AS fingerprint, decode(x.hash, 'hex') AS request_hash
        FROM jsonb_to_recordset(p_posts)
            AS x(i integer, author bigint, exempt boolean, refused boolean, thread bigint, parent bigint, body text,
                 html text, hold text, fp text, key text, hash text, premoderation_checked boolean, premoderation text)
    ), t AS (
        SELECT th.id, th.locked, th.lock_reason, th.premoderation, th.slow_mode_seconds, th.slow_mode_until
        FROM thread th WHERE th.id IN (SELECT p.thread FROM posts p)
    ), heat AS (
        SELECT x.thread_id,
               coalesce(sum(CASE WHEN x.minute >= v_minute THEN x.minute_comments ELSE 0 END), 0)
               + coalesce(sum(CASE WHEN x.minute >= v_minute THEN x.previous_comments
                                   WHEN x.minute = v_minute - interval '1 minute' THEN x.minute_comments
                                   ELSE 0 END), 0) * (1 - extract(epoch FROM v_now - v_minute) / 60) AS per_minute
        FROM thread_counter x WHERE x.thread_id IN (SELECT p.thread FROM posts p) GROUP BY x.thread_id
    ), pa AS (
        -- the parents, locked in id order (a concurrent delete or removal waits, and sees the reply)
        SELECT c.id, c.thread_id, c.root_id, c.path, c.depth, c.deleted_at, c.removed_at, c.review_state
        FROM comment c WHERE c.id IN (SELECT p.parent FROM posts p) ORDER BY c.id FOR NO KEY UPDATE
    ), earlier_key AS (
        SELECT k.account_id, k.idempotency_key, k.request_hash, k.comment_id FROM idempotency_key k
        WHERE (k.account_id, k.idempotency_key) IN (SELECT p.author, p.key FROM posts p WHERE p.key IS NOT NULL)
    ), judged AS (
        SELECT p.*, th.id AS thread_found, th.locked, th.lock_reason,
               CASE WHEN NOT p.exempt AND th.slow_mode_seconds > 0
                         AND (th.slow_mode_until IS NULL OR th.slow_mode_until > v_now)
                    THEN th.slow_mode_seconds ELSE 0 END AS seconds,
               coalesce(h.per_minute, 0) AS per_minute,
               ek.request_hash AS earlier_hash, ek.comment_id AS earlier_comment,
               (p.premoderation_checked AND th.premoderation IS DISTINCT FROM p.premoderation)
                   OR (p_rules_version IS NOT NULL AND p_rules_version IS DISTINCT FROM v_rules) AS stale,
               sm.posted_at AS last_posted, rc.posted_at AS text_posted,
               row_number() OVER (PARTITION BY p.author, p.fingerprint ORDER BY p.i) AS text_rank,
               row_number() OVER (PARTITION BY p.thread, p.author ORDER BY p.i) AS thread_rank,
               pr.id AS parent_found, pr.thread_id AS parent_thread, pr.root_id, pr.path AS parent_path,
               pr.depth AS parent_depth, pr.deleted_at AS parent_deleted, pr.removed_at AS parent_removed,
               pr.review_state AS parent_review
        FROM posts p
        LEFT JOIN t th ON th.id = p.thread
        LEFT JOIN heat h ON h.thread_id = p.thread
        LEFT JOIN earlier_key ek ON ek.account_id = p.author AND ek.idempotency_key = p.key
        LEFT JOIN slow_mode_post sm ON sm.thread_id = p.thread AND sm.account_id = p.author
        LEFT JOIN recent_comment_text rc ON rc.author_id = p.author AND rc.fingerprint = p.fingerprint
        LEFT JOIN pa pr ON pr.id = p.parent
    ), decided AS (
        SELECT j.*,
               CASE WHEN v_over ? j.i::text THEN v_over -> j.i::text ->> 'kind'
                    WHEN j.refused THEN 'spent'
                    WHEN j.thread_found IS NULL THEN 'thread-not-found'
                    WHEN j.earlier_hash IS NOT NULL
                        THEN CASE WHEN j.earlier_hash = j.request_hash THEN 'replay' ELSE 'key-reused' END
                    WHEN j.stale THEN 'stale'
                    WHEN j.locked THEN 'locked'
                    -- slow mode switched on after step 1 read it: this post holds no (thread, author) lock
                    WHEN j.seconds > 0 AND NOT pg_try_advisory_xact_lock(4, hashtext(j.thread || ':' || j.author))
                        THEN 'retry'
                    WHEN j.seconds > 0 AND (j.thread_rank > 1
                             OR j.last_posted > v_now - make_interval(secs => j.seconds)) THEN 'slow-mode'
                    WHEN j.text_rank > 1 OR j.text_posted > v_now - make_interval(secs => p_repeat_seconds) THEN 'repeat'
                    WHEN j.parent IS NOT NULL AND (j.parent_found IS NULL OR j.parent_thread <> j.thread
                             OR j.parent_review = 'pending') THEN 'parent-not-found'
                    WHEN j.parent IS NOT NULL AND j.parent_deleted IS NOT NULL THEN 'parent-deleted'
                    WHEN j.parent IS NOT NULL AND j.parent_removed IS NOT NULL THEN 'parent-removed'
                    WHEN j.parent IS NOT NULL AND j.parent_review = 'flagged' THEN 'parent-in-review'
                    WHEN j.parent IS NOT NULL AND j.parent_depth >= 63 THEN 'too-deep'
                    ELSE 'ok' END AS verdict
        FROM judged j
    ), accepted AS (
        SELECT d.*, nextval('comment_id_seq') AS new_id FROM decided d WHERE d.verdict = 'ok'
    ), claimed AS (
        -- a concurrent batch with the same new key: the second waits for the first, then claims nothing
        INSERT INTO idempotency_key (account_id, idempotency_key, request_hash, comment_id)
        SELECT a.author, a.key, a.request_hash, a.new_id FROM accepted a WHERE a.key IS NOT NULL
        ON CONFLICT (account_id, idempotency_key) DO NOTHING
        RETURNING account_id, idempotency_key
    ), go AS (
        SELECT a.* FROM accepted a
        WHERE a.key IS NULL OR EXISTS (SELECT 1 FROM claimed c WHERE c.account_id = a.author AND c.idempotency_key = a.key)
    ), recorded AS (
        -- slow mode's record while slow mode holds or the thread is warm (as post_comment)
        INSERT INTO slow_mode_post AS sp (thread_id, account_id, posted_at)
        SELECT DISTINCT ON (g.thread, g.author) g.thread, g.author, v_now FROM go g
        WHERE g.seconds > 0 OR g.per_minute * 2 >= p_auto_per_minute
        ON CONFLICT (thread_id, account_id) DO UPDATE SET posted_at = greatest(sp.posted_at, excluded.posted_at)
    ), texts AS (
        INSERT INTO recent_comment_text AS rt (author_id, fingerprint, posted_at)
        SELECT g.author, g.fingerprint, v_now FROM go g
        ON CONFLICT (author_id, fingerprint) DO UPDATE SET posted_at = excluded.posted_at
    ), parents AS (
        UPDATE comment c SET reply_count = c.reply_count + n.published
        FROM (SELECT g.parent, count(*) FILTER (WHERE g.hold IS NULL) AS published FROM go g
              WHERE g.parent IS NOT NULL GROUP BY g.parent) n
        WHERE c.id = n.parent AND n.published > 0
    ), inserted AS (
        INSERT INTO comment (id, thread_id, parent_id, root_id, depth, path, author_id, body, body_html,
                             review_state, hold_reason)
        SELECT g.new_id, g.thread, g.parent, coalesce(g.root_id, g.new_id), coalesce(g.parent_depth + 1, 0),
               CASE WHEN g.parent IS NULL THEN '' ELSE g.parent_path || comment_path_key(g.new_id) END,
               g.author, g.body, g.html, CASE WHEN g.hold IS NULL THEN NULL ELSE 'pending' END, g.hold
        FROM go g
        RETURNING comment.id, comment.created_at, comment.depth
    ), counted AS (
        INSERT INTO thread_counter AS c (thread_id, stripe, comments, changes, minute, minute_comments)
        SELECT g.thread, v_stripe, count(*) FILTER (WHERE g.hold IS NULL), count(*), v_minute, count(*)
        FROM go g GROUP BY g.thread
        ON CONFLICT (thread_id, stripe) DO UPDATE SET
            comments = c.comments + excluded.comments,
            changes = c.changes + excluded.changes,
            previous_comments = CASE WHEN c.minute >= excluded.minute THEN c.previous_comments
                                     WHEN c.minute = excluded.minute - interval '1 minute' THEN c.minute_comments
                                     ELSE 0 END,
            previous_flags = CASE WHEN c.minute >= excluded.minute THEN c.previous_flags
                                  WHEN c.minute = excluded.minute - interval '1 minute' THEN c.minute_flags ELSE 0 END,
            minute_comments = CASE WHEN c.minute >= excluded.minute THEN c.minute_comments ELSE 0 END
                              + excluded.minute_comments,
            minute_flags = CASE WHEN c.minute >= excluded.minute THEN c.minute_flags ELSE 0 END,
            minute = greatest(c.minute, excluded.minute)
    ), events AS (
        INSERT INTO thread_event (thread_id, type, comment_id)
        SELECT g.thread, 'comment.created', g.new_id FROM go g WHERE g.hold IS NULL ORDER BY g.new_id
    )
    SELECT d.i,
           CASE WHEN d.verdict <> 'ok' THEN d.verdict
                WHEN ins.id IS NULL THEN 'key-race'
                WHEN d.hold IS NULL THEN 'created' ELSE 'held' END,
           coalesce(ins.id, CASE WHEN d.verdict IN ('replay', 'key-reused') THEN d.earlier_comment END),
           ins.depth, ins.created_at,
           CASE WHEN v_over ? d.i::text THEN greatest((v_over -> d.i::text ->> 'retry')::double precision, 1)
                WHEN d.verdict = 'slow-mode'
                    THEN greatest(extract(epoch FROM coalesce(d.last_posted, v_now) + make_interval(secs => d.seconds)
                                                    - clock_timestamp()), 1) END,
           CASE d.verdict WHEN 'locked' THEN d.lock_reason WHEN 'stale' THEN d.premoderation
                          WHEN 'slow-mode' THEN d.seconds::text END
    FROM decided d
    LEFT JOIN accepted a ON a.i = d.i
    LEFT JOIN inserted ins ON ins.id = a.new_id
    ORDER BY d.i;

    -- 3. automatic slow mode, for threads past the threshold with this batch (rare)
    FOR r IN
        SELECT x.thread, count(*) AS n, max(coalesce(h.per_minute, 0)) AS heat
        FROM jsonb_to_recordset(p_posts) AS x(thread bigint)
        LEFT JOIN LATERAL (
            SELECT coalesce(sum(CASE WHEN c.minute >= v_minute THEN c.minute_comments ELSE 0 END), 0)
                   + coalesce(sum(CASE WHEN c.minute >= v_minute THEN c.previous_comments
                                       WHEN c.minute = v_minute - interval '1 minute' THEN c.minute_comments
                                       ELSE 0 END), 0) * (1 - extract(epoch FROM v_now - v_minute) / 60) AS per_minute
            FROM thread_counter c WHERE c.thread_id = x.thread) h ON true
        GROUP BY x.thread
        HAVING max(coalesce(h.per_minute, 0)) > p_auto_per_minute
    LOOP
        UPDATE thread t SET slow_mode_seconds = p_auto_seconds,
                            slow_mode_until = v_now + make_interval(secs => p_auto_duration)
        WHERE t.id = r.thread
          AND NOT (t.slow_mode_seconds > 0 AND (t.slow_mode_until IS NULL OR t.slow_mode_until > now()));
        IF FOUND THEN
            INSERT INTO audit_entry (actor_id, action, target_type, target_id, reason)
            VALUES (NULL, 'thread.slow-mode.auto', 'thread', r.thread,
                    'About ' || round(r.heat) || ' new comments in a minute: one comment every ' || p_auto_seconds
                        || ' seconds per reader for ' || p_auto_duration_words || '.');
        END IF;
    END LOOP;
END
$$;
