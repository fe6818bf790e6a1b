-- The migrations of running instances to a new process version (versioning/MigrationLog): who moved how many instances
-- of which version to which, in which Camunda batch. Camunda keeps a finished batch only at history level FULL; the
-- application runs at AUDIT, so this is the lasting record behind the administrator's report.
create table process_migration (
    batch_id             varchar(64)  primary key,
    process_key          varchar(255) not null,
    from_version         integer      not null,
    from_tag             varchar(255) not null,
    to_version           integer      not null,
    to_tag               varchar(255) not null,
    source_definition_id varchar(64)  not null,
    instances            integer      not null,
    started_by           varchar(255) not null,
    started_at           timestamp with time zone not null
);
