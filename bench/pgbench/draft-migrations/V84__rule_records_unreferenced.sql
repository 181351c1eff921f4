-- Slow mode's records live minutes and are swept by time, and an idempotency claim names its comment before the
-- comment row exists (V86): their foreign keys cost every post a key-share lock and a lookup for nothing a reader misses.
ALTER TABLE slow_mode_post DROP CONSTRAINT slow_mode_post_thread_id_fkey;
ALTER TABLE slow_mode_post DROP CONSTRAINT slow_mode_post_account_id_fkey;
-- An idempotency claim names its comment as it is made, in the statement that inserts the comment after it (V86); the
-- replay reads the comment by id and answers 404 if it were ever gone.
ALTER TABLE idempotency_key DROP CONSTRAINT idempotency_key_comment_id_fkey;
