-- the one-call reply (post_comment, V86), top-level only over 1,000 threads: the floor's own shape
\set n random(1, 2000000000)
\set thread_index random(0, 999)
\set thread (:lo + :thread_index)
\set top random(1, 1)
\set parent 0
SELECT outcome FROM post_comment(:author0 + :client_id % 8, false,
  'post-account:100000000/60s:' || (:author0 + :client_id % 8), 100000000, 60,
  'post-address:100000000/60s:127.0.0.1', 100000000, 60, true, false,
  :thread, NULLIF(:parent, 0),
  'pgbench ' || :client_id || ' ' || :n || ': the minister said troops would never be sent.',
  '<p>pgbench ' || :client_id || ' ' || :n || ': the minister said troops would never be sent.</p>', NULL,
  sha256(convert_to('pgbench ' || :client_id || ' ' || :n, 'UTF8')), 600, NULL, NULL,
  0, false, NULL, 100000000, 30, 900, '15 minutes', :client_id % 64);
