-- The lead agency's optional English summary of an approved report: the assessment column of the English
-- implementation matrix for the UN (reporting/ImplementationMatrices).
alter table approved_report add column summary_en varchar(1048576);
