-- Authors moved in from another comment system become placeholder accounts: marked with where they came from and
-- their identity there (so a second import finds them again), with no password (nobody signs in as them) and an
-- e-mail kept only as a keyed hash, for a later claim through single sign-on.
ALTER TABLE account
    ALTER COLUMN password_hash DROP NOT NULL,
    ADD COLUMN imported_from text,
    ADD COLUMN import_key    text,
    ADD COLUMN email_hash    bytea,
    ADD CONSTRAINT account_import_identity CHECK ((imported_from IS NULL) = (import_key IS NULL));
CREATE UNIQUE INDEX account_import_identity_unique ON account (imported_from, import_key) WHERE imported_from IS NOT NULL;
