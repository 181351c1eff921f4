-- The repeat check reads the author's own comments instead of a table of its own: each comment keeps the first 8 bytes
-- of its text's fingerprint (the folded words' SHA-256, as RepeatCheck computes it), and the author index leads with
-- it, so "this author posted this text in the last ten minutes" is one index probe; a refused post leaves no record to
-- undo, and no post writes a second row for it (post_comment serialises one author's copies of one text with an
-- advisory lock). Bans and pre-moderation's approved count use the index's leading author_id as before.
ALTER TABLE comment ADD COLUMN text_hash bigint;
DROP INDEX comment_author;
CREATE INDEX comment_author ON comment (author_id, text_hash, created_at);
DROP TABLE recent_comment_text;
