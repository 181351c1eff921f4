-- Registered people: one row each; username_key (NFKC, case-folded) makes "Alice", "alice" and "ａｌｉｃｅ" one name.
CREATE TABLE account (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username      text        NOT NULL,
    username_key  text COLLATE "C" NOT NULL,
    display_name  text        NOT NULL,
    password_hash text        NOT NULL,
    role          text        NOT NULL DEFAULT 'USER' CHECK (role IN ('USER', 'MODERATOR', 'ADMIN')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT account_username_key_unique UNIQUE (username_key)
);
