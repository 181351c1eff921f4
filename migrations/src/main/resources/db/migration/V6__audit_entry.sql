-- Who did what to which thread, comment or account, when and why: moderators answer for their actions.
CREATE TABLE audit_entry (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    actor_id    bigint REFERENCES account (id),
    action      text        NOT NULL,
    target_type text        NOT NULL,
    target_id   bigint      NOT NULL,
    reason      text,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_entry_target ON audit_entry (target_type, target_id, id);
