-- The e-mail address a publisher vouches for in its sign-in token (taken as verified); never asked of local accounts.
ALTER TABLE account ADD COLUMN email text;
