-- Every article seeds exactly one thread; the lock lives on the thread row so a reply's counter update and a lock serialise on it.
CREATE TABLE article (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_key text COLLATE "C" NOT NULL UNIQUE,
    title       text        NOT NULL,
    url         text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE thread (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id    bigint      NOT NULL UNIQUE REFERENCES article (id),
    locked        boolean     NOT NULL DEFAULT false,
    locked_at     timestamptz,
    locked_by     bigint REFERENCES account (id),
    lock_reason   text,
    comment_count integer     NOT NULL DEFAULT 0 CHECK (comment_count >= 0),
    created_at    timestamptz NOT NULL DEFAULT now()
);
