-- a batch of :b replies in one post_comments call (V87), as an instance's posting worker sends what waits for it:
-- into one thread, 1 in 5 top-level, the rest under a seeded comment; replies a second = tps x :b
\set n random(1, 2000000000)
SELECT count(*) FROM post_comments((
  SELECT jsonb_agg(jsonb_build_object('i', s.g, 'author', :author0 + (s.g + :client_id) % 8, 'exempt', false,
           'account_budget', 'post-account:100000000/60s:' || (:author0 + (s.g + :client_id) % 8),
           'address_budget', 'post-address:100000000/60s:127.0.0.1', 'refused', false, 'thread', s.thread,
           'parent', CASE WHEN random() < 0.2 THEN NULL ELSE 2000000 + ((:client_id::integer * :b::integer + s.g) % 200) END,
           'body', 'pgbench ' || :client_id || ' ' || :n || ' ' || s.g || ': the minister said troops would never be sent.',
           'html', '<p>pgbench ' || :client_id || ' ' || :n || ' ' || s.g || ': the minister said troops would never be sent.</p>',
           'hold', NULL, 'fp', encode(sha256(convert_to('pgbench ' || :client_id || ' ' || :n || ' ' || s.g, 'UTF8')), 'hex'),
           'key', NULL, 'hash', NULL, 'premoderation_checked', false, 'premoderation', NULL))
  FROM (SELECT g, :hot AS thread FROM generate_series(1, :b) g) s),
  100000000, 60, 100000000, 60, 600, 0, 100000000, 30, 900, '15 minutes', :client_id % 64) WHERE outcome = 'created';
