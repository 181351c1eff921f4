-- A thread's comment count and change number as striped rows summed on read, so that replies into one hot thread add
-- to different rows at once instead of queueing on the thread row's lock through every commit flush. A reply adds to its
-- connection's stripe (V84); readers add thread.comment_count (the folded base) and the stripes; `changes` moves with
-- every change that a page shows, at its commit, so a page cache can key on it (event numbers come later, see V83).
CREATE TABLE thread_counter (
    thread_id bigint   NOT NULL REFERENCES thread (id) ON DELETE CASCADE,
    stripe    smallint NOT NULL,
    comments  integer  NOT NULL DEFAULT 0,
    changes   bigint   NOT NULL DEFAULT 0,
    PRIMARY KEY (thread_id, stripe)
);
