-- Comments as a materialised tree: path is the fixed-width keys of the ancestors below the root plus the comment's own
-- (12 hex digits each, byte-ordered by COLLATE "C"), so (root_id, path) order is tree order and a page is one index range scan.
CREATE SEQUENCE comment_id_seq AS bigint;

CREATE TABLE comment (
    id          bigint PRIMARY KEY DEFAULT nextval('comment_id_seq'),
    thread_id   bigint      NOT NULL REFERENCES thread (id),
    parent_id   bigint REFERENCES comment (id),
    root_id     bigint      NOT NULL,
    depth       integer     NOT NULL CHECK (depth BETWEEN 0 AND 63),
    path        text COLLATE "C" NOT NULL,
    author_id   bigint      NOT NULL REFERENCES account (id),
    body        text        NOT NULL,
    body_html   text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    edited_at   timestamptz,
    deleted_at  timestamptz,
    -- visible direct replies: live ones and tombstones that still hold replies
    reply_count integer     NOT NULL DEFAULT 0 CHECK (reply_count >= 0),
    score       integer     NOT NULL DEFAULT 0
);
ALTER SEQUENCE comment_id_seq OWNED BY comment.id;

-- the key of one tree level; fixed width keeps byte order equal to id order
CREATE FUNCTION comment_path_key(id bigint) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN lpad(to_hex(id), 12, '0');

-- oldest-first pages: WHERE thread_id = ? AND (root_id, path) > (?, ?) ORDER BY root_id, path
CREATE INDEX comment_tree_oldest ON comment (thread_id, root_id, path);
-- newest-first pages: roots descending, each subtree in tree order, as one range scan
CREATE INDEX comment_tree_newest ON comment (thread_id, (-root_id), path);
-- top pages pick roots by score (ties: newer first), then read their subtrees through comment_tree_oldest
CREATE INDEX comment_top_roots ON comment (thread_id, score DESC, id DESC) WHERE parent_id IS NULL;
