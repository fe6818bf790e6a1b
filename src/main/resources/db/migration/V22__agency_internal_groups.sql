-- An agency's own grouping of the recommendations it leads or coordinates (agencyplan/InternalGroups): MPS's Plan
-- 566/KH-BCA-V02 has seven groups. Its focal points define the groups and tag each recommendation with one; its plan
-- document and progress view are grouped by them.
create table internal_group (
    agency      varchar(16)  not null,
    code        varchar(16)  not null,   -- what the agency calls it: "1", "2" ... or "NHOM-A"
    name        varchar(500) not null,   -- "Nhóm 1: Quyền dân sự, chính trị"
    changed_by  varchar(64)  not null,
    changed_at  timestamp with time zone not null,
    primary key (agency, code)
);

-- One group per recommendation and agency; a recommendation led by one agency and coordinated by another has a tag
-- of each. A group with tags cannot be removed (the foreign key says so to the database as well).
create table internal_group_tag (
    agency      varchar(16)  not null,
    cycle       integer      not null,
    number      varchar(32)  not null,
    group_code  varchar(16)  not null,
    tagged_by   varchar(64)  not null,
    tagged_at   timestamp with time zone not null,
    primary key (agency, cycle, number),
    constraint fk_internal_group_tag_group foreign key (agency, group_code) references internal_group (agency, code)
);
