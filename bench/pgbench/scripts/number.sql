-- the event numberer's loop (V85): one pass, then a millisecond's pause, as an instance's numberer does while posts arrive
SELECT count(*) FROM thread_event_number(10000);
\sleep 1 ms
