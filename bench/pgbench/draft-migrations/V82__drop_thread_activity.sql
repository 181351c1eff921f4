-- Automatic slow mode counts in thread_counter's stripes now (V81): the (thread, minute) row here was a second hot row
-- that every reply into a busy thread locked until its commit.
DROP TABLE thread_activity;
