-- When a refresh token was exchanged for its successor; from then on presenting it again is a reuse.
ALTER TABLE refresh_token ADD COLUMN rotated_at timestamptz;
