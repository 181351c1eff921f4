-- Automatic slow mode's per-minute counts striped like thread_counter: the (thread, minute) row was a second hot row
-- that every reply into a busy thread locked until its commit; now each reply adds to its connection's row and sums them.
ALTER TABLE thread_activity ADD COLUMN stripe smallint NOT NULL DEFAULT 0;
ALTER TABLE thread_activity DROP CONSTRAINT thread_activity_pkey;
ALTER TABLE thread_activity ADD PRIMARY KEY (thread_id, minute, stripe);
