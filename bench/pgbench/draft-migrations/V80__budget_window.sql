-- Posting and flagging budgets spent inside the posting transaction (one commit per reply), as sliding-window counts in
-- striped rows: a post adds one to its own stripe (its connection's: V84) and sums the stripes of this window
-- and the last, so concurrent posts from one address (a NAT, the bench's 127.0.0.1) never wait on one row's lock
-- through each other's commit flush. Replaces Bucket4j's throttle_bucket rows for posts and flags (logins keep them).
CREATE TABLE budget_window (
    -- budget name, its setting and the subject, e.g. 'post-account:10/60s:42': a changed setting starts afresh
    id           text COLLATE "C" NOT NULL,
    -- epoch seconds divided by the period
    window_start bigint   NOT NULL,
    stripe       smallint NOT NULL,
    spent        integer  NOT NULL,
    -- when the row can no longer count (the end of the next window): pruning's key, never updated (HOT updates)
    expires_at   timestamptz NOT NULL,
    PRIMARY KEY (id, window_start, stripe)
);
CREATE INDEX budget_window_expires_at ON budget_window (expires_at);
