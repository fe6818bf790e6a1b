-- Mail preferences themselves are Camunda user info (upr.mail.language, upr.mail.digest); the outbox needs, for the
-- daily digest, where each mail leads and which digest carried it. Portable SQL: H2 and PostgreSQL.

alter table outbox_mail add column link varchar(1000);
alter table outbox_mail add column digest_id bigint;
create index ix_outbox_digest on outbox_mail (status, recipient_user);
create index ix_outbox_digest_id on outbox_mail (digest_id);
