-- A unit's evidence file (delegation/upr-unit-delegation): the holder of the step is the unit's group,
-- <agency>.<unit>, longer than an agency code.
alter table evidence_file alter column agency set data type varchar(64);
