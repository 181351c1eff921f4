-- Word rules that every new comment is checked against: 'reject' refuses the comment, 'hold' sends it to review.
-- word_rule_set.version moves with every change, so each server instance rebuilds its matcher when, and only when,
-- the rules it compiled are no longer the current ones (one primary-key read per comment).
CREATE TABLE word_rule_set (
    id      integer PRIMARY KEY CHECK (id = 1),
    version bigint NOT NULL
);
INSERT INTO word_rule_set (id, version) VALUES (1, 0);

CREATE TABLE word_rule (
    kind text NOT NULL CHECK (kind IN ('reject', 'hold')),
    -- as the administrator wrote it; matching folds case, width and accents when the matcher is built
    word text NOT NULL,
    PRIMARY KEY (kind, word)
);
