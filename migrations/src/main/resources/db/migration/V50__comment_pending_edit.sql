-- An edit of a published comment that a rule holds for review waits beside the text readers see (which the thread's
-- replies refer to): its author and moderators see the edit, an approval swaps it in. The comment keeps its place
-- and its counts meanwhile; the reason is the comment's hold_reason.
ALTER TABLE comment
    ADD COLUMN pending_body      text,
    ADD COLUMN pending_body_html text,
    ADD COLUMN pending_since     timestamptz,
    ADD CONSTRAINT comment_pending_edit_whole
        CHECK ((pending_body IS NULL) = (pending_body_html IS NULL) AND (pending_body IS NULL) = (pending_since IS NULL));

-- the pending queue lists held edits beside held comments, still from one small partial index
DROP INDEX comment_pending_queue;
CREATE INDEX comment_pending_queue ON comment (id)
    WHERE (review_state = 'pending' OR pending_body IS NOT NULL) AND removed_at IS NULL AND deleted_at IS NULL;
