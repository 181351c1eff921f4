-- Demo accounts are made only in demo mode (--demo, FORUM_DEMO=true); marked so that a start without it can lock them out
-- (the partial index keeps that look-up, done at every start, from reading the whole table).
ALTER TABLE account ADD COLUMN demo boolean NOT NULL DEFAULT false;
CREATE INDEX account_demo ON account (id) WHERE demo;
