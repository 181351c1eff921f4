-- One account's votes and flags, read for its data export and removed when it is deleted, without scanning the tables.
CREATE INDEX comment_vote_account ON comment_vote (account_id, comment_id);
CREATE INDEX comment_flag_account ON comment_flag (account_id, id);
