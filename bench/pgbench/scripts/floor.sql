-- bench/'s floor for the reply transaction (Bench.pgbench: insert + counter update, one commit); run puts the thread's
-- \set line before it: one thread (:hot) or a random one of 1,000
BEGIN;
INSERT INTO comment (id, thread_id, parent_id, root_id, depth, path, author_id, body, body_html)
  SELECT f.id, :thread, NULL, f.id, 0, '', :author0, 'pgbench: the minister said troops would never be sent.', '<p>pgbench: the minister said troops would never be sent.</p>'
  FROM (SELECT nextval('comment_id_seq') AS id) f;
UPDATE thread SET comment_count = comment_count + 1 WHERE id = :thread AND NOT locked;
END;
