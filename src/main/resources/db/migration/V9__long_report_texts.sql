-- An approved report keeps whatever the process kept: each text as wide as Camunda's widened TEXT_ columns
-- (system/LongTextColumns), the longest varchar H2 allows. The collected contributions of several agencies grew
-- past the former 40,000, and a report field past 20,000 failed only at MOFA's approval.
alter table approved_report alter column results set data type varchar(1048576);
alter table approved_report alter column figures set data type varchar(1048576);
alter table approved_report alter column difficulties set data type varchar(1048576);
alter table approved_report alter column proposals set data type varchar(1048576);
alter table approved_report alter column contributions set data type varchar(1048576);
