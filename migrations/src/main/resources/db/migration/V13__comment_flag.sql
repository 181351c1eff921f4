-- Readers' flags: one per account per comment, kept after a moderator resolves them so the history stays.
CREATE TABLE comment_flag (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    comment_id  bigint      NOT NULL REFERENCES comment (id),
    account_id  bigint      NOT NULL REFERENCES account (id),
    reason      text        NOT NULL CHECK (reason IN ('spam', 'abuse', 'off_topic', 'other')),
    detail      text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    resolved_at timestamptz,
    resolved_by bigint REFERENCES account (id),
    CONSTRAINT comment_flag_once UNIQUE (comment_id, account_id)
);
