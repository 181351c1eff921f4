-- Names that look alike ("paypal", Cyrillic "раура" + "l") share a Unicode TS 39 confusable skeleton: unique, so only one can exist.
-- Computed by the server (ICU); null only on accounts made before this column, filled in at start-up when no earlier name has the skeleton.
ALTER TABLE account ADD COLUMN username_skeleton text COLLATE "C";
CREATE UNIQUE INDEX account_username_skeleton_unique ON account (username_skeleton);
