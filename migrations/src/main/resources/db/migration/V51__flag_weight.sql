-- Not every flag may hide a comment: one from a brand-new account, or one with no published comment, or a second one
-- from the same network address, still reaches the moderators but does not count towards the hiding threshold.
-- address_key is a keyed hash of the flagger's address (never the address itself); counts says whether the flag
-- counted; hiding_flag_count is how many open flags of the comment count.
ALTER TABLE comment_flag
    ADD COLUMN address_key bytea,
    ADD COLUMN counts      boolean NOT NULL DEFAULT true;
ALTER TABLE comment
    ADD COLUMN hiding_flag_count integer NOT NULL DEFAULT 0 CHECK (hiding_flag_count >= 0);
-- the flags taken so far all counted
UPDATE comment SET hiding_flag_count = flag_count WHERE flag_count > 0;
