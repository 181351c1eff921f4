-- Readers signed in by the publisher (single sign-on): the account is found again by the token's issuer and subject,
-- the publisher's stable id of its reader; such an account has no password here, so the hash becomes optional.
ALTER TABLE account
    ALTER COLUMN password_hash DROP NOT NULL,
    ADD COLUMN sso_issuer  text COLLATE "C",
    ADD COLUMN sso_subject text COLLATE "C",
    ADD CONSTRAINT account_sso_identity_whole CHECK ((sso_issuer IS NULL) = (sso_subject IS NULL));
CREATE UNIQUE INDEX account_sso_identity_unique ON account (sso_issuer, sso_subject) WHERE sso_issuer IS NOT NULL;
