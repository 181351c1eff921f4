-- Bench data for the write-path research: 8 authors (as bench/ uses), one hot thread and 1,000 spread threads, each
-- with top-level comments that replies pick as parents by arithmetic (pgbench cannot look rows up without a round trip):
-- spread thread i (0-based) holds comments 1000000 + i*10 + k (k 0..9), the hot thread 2000000 + k (k 0..199).
INSERT INTO account (username, username_key, display_name, password_hash)
SELECT 'bench-' || g, 'bench-' || g, 'Bench ' || g, 'x' FROM generate_series(1, 8) g;

INSERT INTO article (article_key, title, url)
SELECT 'bench-spread-' || lpad(g::text, 4, '0'), 'Spread ' || g, 'https://example.org/' || g FROM generate_series(0, 999) g
ORDER BY g;
INSERT INTO thread (article_id) SELECT id FROM article WHERE article_key LIKE 'bench-spread-%' ORDER BY id;
INSERT INTO article (article_key, title, url) VALUES ('bench-hot', 'Hot', 'https://example.org/hot');
INSERT INTO thread (article_id) SELECT id FROM article WHERE article_key = 'bench-hot';

CREATE TABLE bench_ids AS
SELECT (SELECT min(id) FROM account WHERE username LIKE 'bench-%') AS author0,
       (SELECT min(t.id) FROM thread t JOIN article a ON a.id = t.article_id WHERE a.article_key LIKE 'bench-spread-%') AS lo,
       (SELECT t.id FROM thread t JOIN article a ON a.id = t.article_id WHERE a.article_key = 'bench-hot') AS hot;

INSERT INTO comment (id, thread_id, parent_id, root_id, depth, path, author_id, body, body_html)
SELECT 1000000 + i * 10 + k, b.lo + i, NULL, 1000000 + i * 10 + k, 0, '', b.author0 + (k % 8),
       'seed ' || i || '/' || k, '<p>seed</p>'
FROM bench_ids b, generate_series(0, 999) i, generate_series(0, 9) k;
INSERT INTO comment (id, thread_id, parent_id, root_id, depth, path, author_id, body, body_html)
SELECT 2000000 + k, b.hot, NULL, 2000000 + k, 0, '', b.author0 + (k % 8), 'seed hot ' || k, '<p>seed</p>'
FROM bench_ids b, generate_series(0, 199) k;
UPDATE thread t SET comment_count = (SELECT count(*) FROM comment c WHERE c.thread_id = t.id);
SELECT setval('comment_id_seq', 3000000);
VACUUM ANALYZE;
