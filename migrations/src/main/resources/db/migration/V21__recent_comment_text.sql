-- What each account posted lately, as a fingerprint of its normalised text, so the same text posted again within the
-- repeat window is refused. One row per account and text; rows older than the window are swept away.
CREATE TABLE recent_comment_text (
    author_id   bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    fingerprint bytea       NOT NULL,
    posted_at   timestamptz NOT NULL,
    PRIMARY KEY (author_id, fingerprint)
);
CREATE INDEX recent_comment_text_posted_at ON recent_comment_text (posted_at);
