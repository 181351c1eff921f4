-- Live events numbered after their commit instead of inside it: a writer inserts its outbox row unnumbered (no thread
-- row lock, no NOTIFY: PostgreSQL serialises the commits of every transaction that notifies, measured 4x fewer commits
-- a second at 32 clients), and one numberer at a time (thread_event_number, V86) numbers the committed rows per thread
-- in passes, durably, then notifies. Numbers stay gap-free per thread and follow commit order between passes.
ALTER TABLE thread_event DROP CONSTRAINT thread_event_pkey;
ALTER TABLE thread_event ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE thread_event ADD PRIMARY KEY (id);
ALTER TABLE thread_event ALTER COLUMN seq DROP NOT NULL;
-- the outbox is a log of references (a payload is read when delivered; a missing comment is skipped): no key-share
-- lock on the thread and comment rows, nor their lookups, for every event written
ALTER TABLE thread_event DROP CONSTRAINT thread_event_thread_id_fkey;
ALTER TABLE thread_event DROP CONSTRAINT thread_event_comment_id_fkey;
-- the pruner walks the primary key from the oldest id instead
DROP INDEX thread_event_created_at;
-- replay by Last-Event-ID; unique, so a numbering bug fails loudly instead of sending one number twice
CREATE UNIQUE INDEX thread_event_thread_seq ON thread_event (thread_id, seq) WHERE seq IS NOT NULL;
-- what the numberer has left to do: nearly always empty
CREATE INDEX thread_event_unnumbered ON thread_event (id) WHERE seq IS NULL;

-- a thread's last event number: the numberer's cursor (so pruning every event never restarts the numbers)
CREATE TABLE thread_event_head (
    thread_id bigint PRIMARY KEY,
    seq       bigint NOT NULL
);
INSERT INTO thread_event_head (thread_id, seq) SELECT id, event_seq FROM thread WHERE event_seq > 0;

DROP TRIGGER thread_event_notify ON thread_event;
DROP FUNCTION thread_event_notify();
