-- What an annex says about agencies that names no one in particular ("các bộ, ngành liên quan"), kept for MOFA;
-- and what each import resolved through other names and kept as notes.
alter table recommendation add column annex_note varchar(2000);
alter table import_log add column waiting_for_assignment integer not null default 0;
alter table import_log add column via_other_names integer not null default 0;
alter table import_log add column notes_kept integer not null default 0;
