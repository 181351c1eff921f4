-- the one-call reply (post_comment, V86) by one of the 8 authors (bench/ posts with 8 accounts) from one address, with
-- budgets far above the load as bench/ sets them; run puts the lines choosing :n, :thread and :parent before it
SELECT outcome FROM post_comment(:author0 + :client_id % 8, false,
  'post-account:100000000/60s:' || (:author0 + :client_id % 8), 100000000, 60,
  'post-address:100000000/60s:127.0.0.1', 100000000, 60, true, false,
  :thread, NULLIF(:parent, 0),
  'pgbench ' || :client_id || ' ' || :n || ': the minister said troops would never be sent.',
  '<p>pgbench ' || :client_id || ' ' || :n || ': the minister said troops would never be sent.</p>', NULL,
  sha256(convert_to('pgbench ' || :client_id || ' ' || :n, 'UTF8')), 600, NULL, NULL,
  0, false, NULL, 100000000, 30, 900, '15 minutes', :client_id % 64);
