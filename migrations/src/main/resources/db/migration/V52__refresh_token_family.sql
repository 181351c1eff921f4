-- Refresh tokens rotate on every use: each sign-in starts a family, and every token that replaces another joins
-- the family of the one it replaced, so the reuse of a replaced token (a copy in a thief's hands) revokes them all.
ALTER TABLE refresh_token ADD COLUMN family uuid NOT NULL DEFAULT gen_random_uuid();
