-- Each single sign-on token is used once: its id (jti) is kept until the token expires, so a replay is refused, then
-- pruned. One row per issuer and token id.
CREATE TABLE sso_token_use (
    issuer     text COLLATE "C" NOT NULL,
    jti        text COLLATE "C" NOT NULL,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (issuer, jti)
);
CREATE INDEX sso_token_use_expires_at ON sso_token_use (expires_at);
