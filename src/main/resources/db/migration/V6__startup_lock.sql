-- The row a node locks while it provisions agencies' groups, authorizations and Tasklist filters at startup: nodes
-- starting together on a fresh database take turns instead of creating the same groups twice.
create table startup_lock (id integer primary key);
insert into startup_lock (id) values (1);
