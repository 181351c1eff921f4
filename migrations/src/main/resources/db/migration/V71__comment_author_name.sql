-- A guest's comment moved in from another system keeps the name it was signed with (guests get no account: the comment
-- points at the shared guest placeholder and shows this name instead of the account's).
ALTER TABLE comment ADD COLUMN author_name text;
