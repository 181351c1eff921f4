-- Posting and flagging budgets, spent inside the posting transaction (one commit per reply) instead of Bucket4j's own
-- transactions: sliding-window counts in striped rows. A post adds one to its connection's stripe of the budget and
-- sums the other stripes, so posts from one address (a NAT; the bench's 127.0.0.1) never queue on one row's lock
-- through each other's commit flush. Each row keeps its window's count and the last window's (rotated on write).
CREATE TABLE budget_stripe (
    -- budget name, its setting and the subject, e.g. 'post-account:10/60s:42': a changed setting starts afresh
    id           text COLLATE "C" NOT NULL,
    stripe       smallint NOT NULL,
    -- epoch seconds divided by the period
    window_start bigint   NOT NULL,
    spent        integer  NOT NULL,
    previous     integer  NOT NULL,
    -- after this the row counts nothing; not indexed (updates stay HOT): the pruner scans this small table
    expires_at   timestamptz NOT NULL,
    PRIMARY KEY (id, stripe)
);
-- each pooled connection's stripe, handed out in turn (Hikari connection-init-sql:
-- SELECT set_config('forum.stripe', (nextval('connection_stripe') % 64)::text, false)), so no two share one
CREATE SEQUENCE connection_stripe;
