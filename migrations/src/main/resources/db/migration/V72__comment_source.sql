-- Where an imported comment came from: its id in the source system, so that running the same import again, or again
-- after it was stopped halfway, writes each source comment exactly once.
CREATE TABLE comment_source (
    source     text COLLATE "C" NOT NULL,
    source_id  text COLLATE "C" NOT NULL,
    comment_id bigint NOT NULL REFERENCES comment (id),
    PRIMARY KEY (source, source_id)
);
