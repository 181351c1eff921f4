-- A deleted account's comments stay as tombstones without text or author, so the replies under them keep their place.
ALTER TABLE comment ALTER COLUMN author_id DROP NOT NULL;
