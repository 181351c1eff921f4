-- A moderator's note shown with the lock notice ("why, and what happens next"), beside the short lock reason.
ALTER TABLE thread ADD COLUMN lock_note text;
