-- Slow mode: when each account last posted in a thread while slow mode held there (one row per thread and account).
CREATE TABLE slow_mode_post (
    thread_id  bigint      NOT NULL REFERENCES thread (id) ON DELETE CASCADE,
    account_id bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    posted_at  timestamptz NOT NULL,
    PRIMARY KEY (thread_id, account_id)
);
CREATE INDEX slow_mode_post_posted_at ON slow_mode_post (posted_at);

-- New comments and flags per thread and minute, which switch slow mode on automatically when a thread overheats.
CREATE TABLE thread_activity (
    thread_id bigint      NOT NULL REFERENCES thread (id) ON DELETE CASCADE,
    minute    timestamptz NOT NULL,
    comments  integer     NOT NULL DEFAULT 0,
    flags     integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (thread_id, minute)
);
CREATE INDEX thread_activity_minute ON thread_activity (minute);
