-- Whether an agency's leader signs off its plans and reports before they reach MOFA (signoff/AgencySignOff).
-- MOFA sets it per agency; an agency without a row follows upr.sign-off.required-by-default (on).
create table agency_sign_off (
    agency      varchar(16)  primary key,
    required    boolean      not null,
    changed_by  varchar(64)  not null,
    changed_at  timestamp with time zone not null
);
