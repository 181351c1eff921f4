-- An account its owner deleted: the row stays only to keep the username (and its look-alikes) reserved, emptied of
-- everything else, and no token of it is honoured again. erasure_pending holds while its comments, votes and flags
-- are still being taken apart (resumed after a restart).
ALTER TABLE account
    ADD COLUMN deleted_at       timestamptz,
    ADD COLUMN erasure_pending  boolean NOT NULL DEFAULT false;
CREATE INDEX account_erasure_pending ON account (id) WHERE erasure_pending;
