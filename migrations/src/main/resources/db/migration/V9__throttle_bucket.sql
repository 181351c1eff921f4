-- Login and registration budgets (Bucket4j token buckets) live here so that every instance of the server spends the same ones.
CREATE TABLE throttle_bucket (
    id         text COLLATE "C" PRIMARY KEY,
    state      bytea,
    -- epoch milliseconds after which the bucket is full again and its row may be removed
    expires_at bigint
);
CREATE INDEX throttle_bucket_expires_at ON throttle_bucket (expires_at);
