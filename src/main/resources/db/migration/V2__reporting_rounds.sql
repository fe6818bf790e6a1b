-- Reporting rounds and, per round, the state of each requested report (the round's progress at every moment).

create table reporting_round (
    id              varchar(64)  primary key,  -- the round's process instance id
    name            varchar(500) not null,
    kind            varchar(32)  not null,
    agency_deadline date         not null,
    report_deadline date         not null,
    scope           varchar(32)  not null,
    scope_value     varchar(32),
    status          varchar(32)  not null,
    opened_by       varchar(64),
    opened_at       timestamp with time zone not null,
    closed_at       timestamp with time zone
);

create table round_report (
    round_id            varchar(64) not null,
    process_instance_id varchar(64) not null,
    cycle               integer     not null,
    number              varchar(32) not null,
    agency              varchar(16) not null,
    status              varchar(16) not null,
    updated_at          timestamp with time zone not null,
    primary key (round_id, process_instance_id)
);
create index ix_round_report_instance on round_report (process_instance_id);
