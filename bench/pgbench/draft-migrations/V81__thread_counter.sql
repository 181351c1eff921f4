-- A thread's comment count, change number and per-minute activity as striped rows summed on read, so that replies into
-- one hot thread add to different rows at once instead of queueing on the thread row's lock through every commit
-- flush. A reply writes its connection's stripe (post_comment, V85). Readers add thread.comment_count (the folded base)
-- and the stripes' comments; `changes` moves with every change a page shows, at its commit (a page cache's key);
-- the minute counts (this minute and the last, rotated on write) switch automatic slow mode (they replace
-- thread_activity, V82).
CREATE TABLE thread_counter (
    thread_id         bigint      NOT NULL REFERENCES thread (id) ON DELETE CASCADE,
    stripe            smallint    NOT NULL,
    comments          integer     NOT NULL DEFAULT 0,
    changes           bigint      NOT NULL DEFAULT 0,
    minute            timestamptz NOT NULL,
    minute_comments   integer     NOT NULL DEFAULT 0,
    previous_comments integer     NOT NULL DEFAULT 0,
    minute_flags      integer     NOT NULL DEFAULT 0,
    previous_flags    integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (thread_id, stripe)
);
