-- A ban stops an account's writes (reading stays open) until it is lifted or banned_until passes; the columns sit on the
-- account row because every request reads that row anyway.
ALTER TABLE account
    ADD COLUMN banned_at    timestamptz,
    ADD COLUMN banned_by    bigint REFERENCES account (id),
    ADD COLUMN ban_reason   text,
    ADD COLUMN banned_until timestamptz,
    ADD CONSTRAINT account_ban_has_reason CHECK ((banned_at IS NULL) = (ban_reason IS NULL));
