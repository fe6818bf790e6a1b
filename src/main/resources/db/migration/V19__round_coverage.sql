-- What a round covered when MOFA opened it: how many recommendations of its scope were asked, how many wait for their
-- plan to be approved (MOFA chose to include them; their round_report rows say AWAITING_PLAN until they join), and how
-- many were left out and why. Rounds opened before V19 have nulls: their page says nothing about the scope.
alter table reporting_round add column include_open_plans boolean;
alter table reporting_round add column requested_at_opening integer;
alter table reporting_round add column awaiting_plan_at_opening integer;
alter table reporting_round add column left_out_no_agencies integer;
alter table reporting_round add column left_out_plan_open integer;
alter table reporting_round add column left_out_closed integer;
alter table reporting_round add column left_out_in_other_round integer;
