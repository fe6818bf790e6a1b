package vn.gov.mofa.upr.reporting;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Table {@code approved_report}. */
@Repository
public class ApprovedReports {

    private final NamedParameterJdbcTemplate jdbc;

    public ApprovedReports(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void add(ApprovedReport r) {
        jdbc.update("""
                insert into approved_report (cycle, number, round_id, round_name, agency, implementation_status, results,
                    figures, difficulties, proposals, contributions, approved_by, approved_at, summary_en)
                values (:cycle, :number, :roundId, :roundName, :agency, :status, :results, :figures, :difficulties,
                    :proposals, :contributions, :approvedBy, :approvedAt, :summaryEn)
                """, new MapSqlParameterSource()
                .addValue("cycle", r.cycle()).addValue("number", r.number()).addValue("roundId", r.roundId())
                .addValue("roundName", r.roundName()).addValue("agency", r.agency())
                .addValue("status", r.implementationStatus()).addValue("results", r.results())
                .addValue("figures", r.figures()).addValue("difficulties", r.difficulties())
                .addValue("proposals", r.proposals()).addValue("contributions", r.contributions())
                .addValue("approvedBy", r.approvedBy()).addValue("approvedAt", Timestamp.from(r.approvedAt()))
                .addValue("summaryEn", r.summaryEn()));
    }

    public List<ApprovedReport> of(int cycle, String number) {
        return jdbc.query("select * from approved_report where cycle = :cycle and number = :number order by approved_at",
                new MapSqlParameterSource("cycle", cycle).addValue("number", number), ROW);
    }

    /** The latest approved report of each recommendation of a cycle, keyed by number. */
    public java.util.Map<String, ApprovedReport> latestOf(int cycle) {
        var latest = new java.util.HashMap<String, ApprovedReport>();
        for (ApprovedReport r : jdbc.query("select * from approved_report where cycle = :cycle order by approved_at",
                new MapSqlParameterSource("cycle", cycle), ROW)) {
            latest.put(r.number(), r);
        }
        return latest;
    }

    /** The reports approved in a round, the latest per recommendation, keyed "cycle/number". */
    public java.util.Map<String, ApprovedReport> latestIn(String roundId) {
        var latest = new java.util.HashMap<String, ApprovedReport>();
        for (ApprovedReport r : jdbc.query("select * from approved_report where round_id = :round order by approved_at",
                new MapSqlParameterSource("round", roundId), ROW)) {
            latest.put(r.cycle() + "/" + r.number(), r);
        }
        return latest;
    }

    private static final org.springframework.jdbc.core.RowMapper<ApprovedReport> ROW = (rs, i) -> new ApprovedReport(
            rs.getInt("cycle"), rs.getString("number"), rs.getString("round_id"), rs.getString("round_name"),
            rs.getString("agency"), rs.getString("implementation_status"), rs.getString("results"),
            rs.getString("figures"), rs.getString("difficulties"), rs.getString("proposals"),
            rs.getString("contributions"), rs.getString("approved_by"), rs.getTimestamp("approved_at").toInstant(),
            rs.getString("summary_en"));
}
