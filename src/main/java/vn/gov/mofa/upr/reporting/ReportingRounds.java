package vn.gov.mofa.upr.reporting;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

import vn.gov.mofa.upr.recommendation.Recommendation;

/** Tables {@code reporting_round} and {@code round_report}. */
@Repository
public class ReportingRounds {

    /**
     * The state of one report in a round. AWAITING_PLAN: not requested yet, the round asks once the plan is approved
     * ({@link #join}); it counts in no progress figure until then.
     */
    public enum ReportStatus { AWAITING_PLAN, REQUESTED, SUBMITTED, RETURNED, APPROVED }

    /** The rows of the reports a round actually requested (not those still awaiting their plan). */
    private static final String REQUESTED_ROWS = " and status <> 'AWAITING_PLAN'";

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public ReportingRounds(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A round whose coverage is not recorded (as rounds opened before V19). */
    public void open(ReportingRound round, List<Recommendation> requested) {
        open(round, requested, List.of(), null);
    }

    /** The round, the reports it requests now, those it will request once their plan is approved, and its coverage. */
    public void open(ReportingRound round, List<Recommendation> requested, List<Recommendation> awaitingPlan,
            RoundCoverage coverage) {
        jdbc.update("""
                insert into reporting_round (id, name, kind, agency_deadline, report_deadline, scope, scope_value, status,
                    opened_by, opened_at)
                values (:id, :name, :kind, :agencyDeadline, :reportDeadline, :scope, :scopeValue, :status, :openedBy, :openedAt)
                """, new MapSqlParameterSource("id", round.id()).addValue("name", round.name()).addValue("kind", round.kind())
                .addValue("agencyDeadline", round.agencyDeadline()).addValue("reportDeadline", round.reportDeadline())
                .addValue("scope", round.scope()).addValue("scopeValue", round.scopeValue())
                .addValue("status", round.status()).addValue("openedBy", round.openedBy())
                .addValue("openedAt", Timestamp.from(round.openedAt())));
        if (coverage != null) {
            jdbc.update("""
                    update reporting_round set include_open_plans = :include, requested_at_opening = :requested,
                        awaiting_plan_at_opening = :awaiting, left_out_no_agencies = :noAgencies, left_out_plan_open = :planOpen,
                        left_out_closed = :closed, left_out_in_other_round = :inOtherRound
                    where id = :id
                    """, new MapSqlParameterSource("id", round.id()).addValue("include", coverage.includeOpenPlans())
                    .addValue("requested", coverage.requested()).addValue("awaiting", coverage.awaitingPlan())
                    .addValue("noAgencies", coverage.noAgencies()).addValue("planOpen", coverage.planOpen())
                    .addValue("closed", coverage.closed()).addValue("inOtherRound", coverage.inOtherRound()));
        }
        insertReports(round.id(), requested, ReportStatus.REQUESTED);
        insertReports(round.id(), awaitingPlan, ReportStatus.AWAITING_PLAN);
    }

    private void insertReports(String roundId, List<Recommendation> recommendations, ReportStatus status) {
        Timestamp now = Timestamp.from(clock.instant());
        SqlParameterSource[] rows = recommendations.stream().map(r -> new MapSqlParameterSource("round", roundId)
                .addValue("instance", r.processInstanceId()).addValue("cycle", r.cycle()).addValue("number", r.number())
                .addValue("agency", r.leadAgency()).addValue("status", status.name()).addValue("now", now))
                .toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate("""
                insert into round_report (round_id, process_instance_id, cycle, number, agency, status, updated_at)
                values (:round, :instance, :cycle, :number, :agency, :status, :now)
                """, rows);
    }

    /** What the round covered when it opened; empty for rounds opened before it was recorded. */
    public Optional<RoundCoverage> coverage(String roundId) {
        return jdbc.query("select * from reporting_round where id = :id and requested_at_opening is not null",
                new MapSqlParameterSource("id", roundId), (rs, i) -> new RoundCoverage(rs.getBoolean("include_open_plans"),
                        rs.getInt("requested_at_opening"), rs.getInt("awaiting_plan_at_opening"),
                        rs.getInt("left_out_no_agencies"), rs.getInt("left_out_plan_open"), rs.getInt("left_out_closed"),
                        rs.getInt("left_out_in_other_round"))).stream().findFirst();
    }

    /** How many recommendations the round still waits on to approve their plan before it asks them. */
    public int awaitingPlan(String roundId) {
        return jdbc.queryForObject("select count(*) from round_report where round_id = :round and status = 'AWAITING_PLAN'",
                new MapSqlParameterSource("round", roundId), Integer.class);
    }

    /**
     * The plan of this recommendation is approved: the open round that recorded it as awaiting its plan (the first
     * opened, if several did) now requests its report. Empty when no open round waits for it.
     */
    public Optional<ReportingRound> join(String processInstanceId) {
        var params = new MapSqlParameterSource("instance", processInstanceId).addValue("open", ReportingRound.OPEN);
        for (ReportingRound round : jdbc.query("""
                select r.* from reporting_round r join round_report rr on rr.round_id = r.id
                where rr.process_instance_id = :instance and rr.status = 'AWAITING_PLAN' and r.status = :open
                order by r.opened_at, r.id
                """, params, ROUND)) {
            // conditional, so that a round is joined once even if two transactions race for it
            if (jdbc.update("""
                    update round_report set status = 'REQUESTED', updated_at = :now
                    where round_id = :round and process_instance_id = :instance and status = 'AWAITING_PLAN'
                    """, params.addValue("round", round.id()).addValue("now", Timestamp.from(clock.instant()))) == 1) {
                return Optional.of(round);
            }
        }
        return Optional.empty();
    }

    public void mark(String roundId, String processInstanceId, ReportStatus status) {
        jdbc.update("""
                update round_report set status = :status, updated_at = :now
                where round_id = :round and process_instance_id = :instance
                """, new MapSqlParameterSource("status", status.name()).addValue("now", Timestamp.from(clock.instant()))
                .addValue("round", roundId).addValue("instance", processInstanceId));
    }

    public void close(String roundId) {
        jdbc.update("update reporting_round set status = :status, closed_at = :now where id = :id",
                new MapSqlParameterSource("status", ReportingRound.SUBMITTED).addValue("now", Timestamp.from(clock.instant()))
                        .addValue("id", roundId));
    }

    public Optional<ReportingRound> find(String roundId) {
        return jdbc.query("select * from reporting_round where id = :id", new MapSqlParameterSource("id", roundId), ROUND)
                .stream().findFirst();
    }

    /**
     * The open rounds, newest first, each with its progress over the reports of {@code agencies} (null = all): what
     * the rounds' API and the dashboard show.
     */
    public List<RoundState> openWithProgress(List<String> agencies) {
        return withProgress(ReportingRound.OPEN, "opened_at", agencies);
    }

    /** The closed rounds, the last closed first, with their progress when they closed: the dashboard keeps their files. */
    public List<RoundState> closedWithProgress(List<String> agencies) {
        return withProgress(ReportingRound.SUBMITTED, "closed_at", agencies);
    }

    private List<RoundState> withProgress(String status, String newestFirstBy, List<String> agencies) {
        return jdbc.query("select * from reporting_round where status = :status order by " + newestFirstBy + " desc",
                new MapSqlParameterSource("status", status), ROUND).stream()
                .map(round -> new RoundState(round, progress(round.id(), agencies))).toList();
    }

    /** Every round, open or closed, newest first, each with its progress over the reports of {@code agencies} (null = all). */
    public List<RoundState> allWithProgress(List<String> agencies) {
        return jdbc.query("select * from reporting_round order by opened_at desc", new MapSqlParameterSource(), ROUND).stream()
                .map(round -> new RoundState(round, progress(round.id(), agencies))).toList();
    }

    /** Which round of its kind this is (1 for the first mid-term round, ...), counted in the order they were opened. */
    public int ordinal(ReportingRound round) {
        return jdbc.queryForObject("""
                select count(*) from reporting_round where kind = :kind and (opened_at < :at or opened_at = :at and id <= :id)
                """, new MapSqlParameterSource("kind", round.kind()).addValue("at", Timestamp.from(round.openedAt()))
                .addValue("id", round.id()), Integer.class);
    }

    /** The state of each report the round requested, by process instance. */
    public Map<String, ReportStatus> reportStatuses(String roundId) {
        Map<String, ReportStatus> statuses = new LinkedHashMap<>();
        jdbc.query("select process_instance_id, status from round_report where round_id = :round" + REQUESTED_ROWS,
                new MapSqlParameterSource("round", roundId),
                rs -> {
                    statuses.put(rs.getString("process_instance_id"), ReportStatus.valueOf(rs.getString("status")));
                });
        return statuses;
    }

    /** Progress over the whole round, or over the reports of some agencies only ({@code agencies} null = all). */
    public RoundProgress progress(String roundId, List<String> agencies) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        var params = new MapSqlParameterSource("round", roundId).addValue("agencies", agencies);
        jdbc.query("select status, count(*) n from round_report where round_id = :round" + REQUESTED_ROWS
                + (agencies == null ? "" : " and agency in (:agencies)") + " group by status", params,
                rs -> {
                    counts.put(rs.getString("status"), rs.getInt("n"));
                });
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        return new RoundProgress(total, counts.getOrDefault("SUBMITTED", 0), counts.getOrDefault("RETURNED", 0),
                counts.getOrDefault("APPROVED", 0));
    }

    /** Reports the agencies still owe (requested or returned), by lead agency, with the recommendation numbers. */
    public Map<String, List<String>> missingByAgency(String roundId) {
        Map<String, List<String>> missing = new LinkedHashMap<>();
        jdbc.query("""
                select agency, number from round_report where round_id = :round and status in ('REQUESTED', 'RETURNED')
                order by agency, cycle, number
                """, new MapSqlParameterSource("round", roundId),
                rs -> {
                    missing.computeIfAbsent(rs.getString("agency"), a -> new ArrayList<>()).add(rs.getString("number"));
                });
        return missing;
    }

    /** The process instances whose reports a round requested (not those still awaiting their plan). */
    public List<String> processInstances(String roundId) {
        return jdbc.queryForList("select process_instance_id from round_report where round_id = :round" + REQUESTED_ROWS,
                new MapSqlParameterSource("round", roundId), String.class);
    }

    private static final RowMapper<ReportingRound> ROUND = (rs, i) -> new ReportingRound(rs.getString("id"),
            rs.getString("name"), rs.getString("kind"), rs.getDate("agency_deadline").toLocalDate(),
            rs.getDate("report_deadline").toLocalDate(), rs.getString("scope"), rs.getString("scope_value"),
            rs.getString("status"), rs.getString("opened_by"), rs.getTimestamp("opened_at").toInstant());
}
