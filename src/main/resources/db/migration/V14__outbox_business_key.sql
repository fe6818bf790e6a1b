-- The case page's timeline reads a recommendation's mails by business key (MailOutbox.byBusinessKey): without an
-- index every case page read the whole outbox, which grows by a mail or more per task. Portable SQL: H2 and PostgreSQL.
create index ix_outbox_business_key on outbox_mail (business_key);
