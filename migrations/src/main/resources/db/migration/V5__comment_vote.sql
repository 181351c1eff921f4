-- One vote per account per comment; the comment's score is kept by adding the change in SQL, never recomputed in Java.
CREATE TABLE comment_vote (
    comment_id bigint   NOT NULL REFERENCES comment (id),
    account_id bigint   NOT NULL REFERENCES account (id),
    value      smallint NOT NULL CHECK (value IN (-1, 0, 1)),
    PRIMARY KEY (comment_id, account_id)
);
