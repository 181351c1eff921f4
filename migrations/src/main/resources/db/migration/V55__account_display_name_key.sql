-- A display name must not pass for another account's: its look-alike key (TS 39 skeleton, case, spaces and separators ignored) is unique.
-- Computed by the server (ICU); null only on accounts made before this column, filled in at start-up when no other account has the key.
ALTER TABLE account ADD COLUMN display_name_key text COLLATE "C";
CREATE UNIQUE INDEX account_display_name_key_unique ON account (display_name_key);
