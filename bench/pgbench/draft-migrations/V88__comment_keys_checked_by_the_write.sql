-- A new comment's thread and parent are checked by post_comment itself, under the locks that matter (the thread's gate
-- and the parent row's update), and neither threads nor comments are ever deleted (a deletion is a tombstone): the
-- foreign keys only added a key-share lock on the thread row for every insert, which in one hot thread turns into a
-- multixact per reply on one row (measured: replies into one thread at 0.49-0.75 of those over 1,000 threads right
-- after the thread row was busy, 0.88-1.11 without these keys). Importers go through comment.CommentImport, which
-- checks both.
ALTER TABLE comment DROP CONSTRAINT comment_thread_id_fkey;
ALTER TABLE comment DROP CONSTRAINT comment_parent_id_fkey;
