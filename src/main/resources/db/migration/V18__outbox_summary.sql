-- A new-task mail's one line (step, number, deadline) for the mail that lists several new tasks of one person
-- (notification/NewTaskBatches); null for other kinds and for mails written before. Portable SQL: H2 and PostgreSQL.
alter table outbox_mail add column summary varchar(1000);
