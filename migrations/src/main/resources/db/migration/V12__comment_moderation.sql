-- A comment's moderation state. review_state: NULL published, 'pending' held until a moderator approves it (seen only
-- by its author and moderators, counted nowhere), 'flagged' hidden from readers after enough flags. A removal is kept
-- apart from it (removed_at), so restoring returns the comment exactly where it was; the text stays for the audit.
ALTER TABLE comment
    ADD COLUMN review_state   text CHECK (review_state IN ('pending', 'flagged')),
    ADD COLUMN hold_reason    text,
    ADD COLUMN removed_at     timestamptz,
    ADD COLUMN removed_by     bigint REFERENCES account (id),
    ADD COLUMN removal_reason text,
    -- open flags (not yet resolved by a moderator's approval), and when the first of them came
    ADD COLUMN flag_count     integer NOT NULL DEFAULT 0 CHECK (flag_count >= 0),
    ADD COLUMN flagged_at     timestamptz;

-- an account's comments: removed all at once with a ban, its approved ones counted for pre-moderation
CREATE INDEX comment_author ON comment (author_id, id);
-- the moderation queues, oldest first, each a range scan of its own small partial index
CREATE INDEX comment_pending_queue ON comment (id)
    WHERE review_state = 'pending' AND removed_at IS NULL AND deleted_at IS NULL;
CREATE INDEX comment_flagged_queue ON comment (flagged_at, id)
    WHERE flag_count > 0 AND removed_at IS NULL AND deleted_at IS NULL;
