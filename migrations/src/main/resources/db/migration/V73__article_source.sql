-- Where an imported article (and so its thread) came from: the source's thread id, so that a second import, even with
-- another --key-from, puts the comments into the same thread.
CREATE TABLE article_source (
    source     text COLLATE "C" NOT NULL,
    source_id  text COLLATE "C" NOT NULL,
    article_id bigint NOT NULL REFERENCES article (id),
    PRIMARY KEY (source, source_id)
);
