-- An import writes a comment_source row per comment; its foreign key made every row check and lock the comment just
-- written by the same COPY, a fifth of the import's database time. Comments are never deleted (a removal or a
-- deletion keeps the row), so the key guarded nothing.
ALTER TABLE comment_source DROP CONSTRAINT comment_source_comment_id_fkey;
