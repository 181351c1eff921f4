-- A client that retries a POST with the same Idempotency-Key gets the first answer again instead of a second comment.
CREATE TABLE idempotency_key (
    account_id      bigint      NOT NULL REFERENCES account (id),
    idempotency_key text        NOT NULL,
    request_hash    bytea       NOT NULL,
    -- null only inside the transaction that is posting the comment
    comment_id      bigint REFERENCES comment (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, idempotency_key)
);
CREATE INDEX idempotency_key_created ON idempotency_key (created_at);
