-- A reuse or a sign-out revokes a whole family at once, found by this index.
CREATE INDEX refresh_token_family ON refresh_token (family);
