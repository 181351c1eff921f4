-- Slow mode's and the repeat check's records live minutes and are swept by time: their foreign keys cost every post a
-- key-share lock and a lookup of its account (and thread) row for nothing a reader would miss.
ALTER TABLE slow_mode_post DROP CONSTRAINT slow_mode_post_thread_id_fkey;
ALTER TABLE slow_mode_post DROP CONSTRAINT slow_mode_post_account_id_fkey;
ALTER TABLE recent_comment_text DROP CONSTRAINT recent_comment_text_author_id_fkey;
