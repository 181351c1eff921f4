-- Live events: every change a reader of a thread sees live is written here by the transaction that makes it, so an
-- event exists exactly when its change committed. seq counts per thread without gaps, in commit order (it is taken
-- from the thread row, whose lock the transaction holds to its commit). Rows keep references, not text: the payload
-- is read from the comment or thread as it is when delivered, so a deleted or removed comment's text is never kept here.
ALTER TABLE thread ADD COLUMN event_seq bigint NOT NULL DEFAULT 0;

CREATE TABLE thread_event (
    thread_id  bigint      NOT NULL REFERENCES thread (id),
    seq        bigint      NOT NULL,
    type       text        NOT NULL CHECK (type IN ('comment.created', 'comment.updated', 'comment.deleted',
                                                    'comment.removed', 'thread.locked', 'thread.unlocked')),
    comment_id bigint REFERENCES comment (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (thread_id, seq)
);
-- pruning removes what is older than the retention period
CREATE INDEX thread_event_created_at ON thread_event (created_at);

-- every instance LISTENs on forum_thread_event; PostgreSQL delivers the notice only when the insert commits
CREATE FUNCTION thread_event_notify() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('forum_thread_event', NEW.thread_id || ':' || NEW.seq);
    RETURN NULL;
END
$$;

CREATE TRIGGER thread_event_notify
    AFTER INSERT ON thread_event
    FOR EACH ROW EXECUTE FUNCTION thread_event_notify();
