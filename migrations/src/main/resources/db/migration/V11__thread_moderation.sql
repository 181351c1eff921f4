-- Per-thread moderation settings. premoderation: NULL follows the site default, else 'none', 'all' or 'new_accounts'.
-- Slow mode holds while slow_mode_seconds > 0 and (slow_mode_until IS NULL, set by hand, or slow_mode_until > now(),
-- switched on automatically for a while).
ALTER TABLE thread
    ADD COLUMN premoderation     text CHECK (premoderation IN ('none', 'all', 'new_accounts')),
    ADD COLUMN slow_mode_seconds integer NOT NULL DEFAULT 0 CHECK (slow_mode_seconds >= 0),
    ADD COLUMN slow_mode_until   timestamptz;
