package vn.gov.mofa.upr.delegation;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Table {@code unit_delegation}: what each unit was asked, by when, and what it answered. */
@Repository
public class UnitDelegations {

    private static final String COLUMNS = "id, delegation_instance, recommendation_instance, cycle, number, agency,"
            + " unit_group, part, round_id, tasks, expected_output, internal_due, status, times_returned, answer,"
            + " answered_by, accepted_at, delegated_by, delegated_at";

    private final NamedParameterJdbcTemplate jdbc;

    UnitDelegations(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(UnitDelegation d) {
        jdbc.update("""
                insert into unit_delegation (delegation_instance, recommendation_instance, cycle, number, agency,
                    unit_group, part, round_id, tasks, expected_output, internal_due, status, times_returned,
                    delegated_by, delegated_at)
                values (:delegation, :recommendation, :cycle, :number, :agency, :unit, :part, :round, :tasks, :output,
                    :due, :status, 0, :by, :at)
                """, new MapSqlParameterSource("delegation", d.delegationInstance())
                .addValue("recommendation", d.recommendationInstance()).addValue("cycle", d.cycle())
                .addValue("number", d.number()).addValue("agency", d.agency()).addValue("unit", d.unitGroup())
                .addValue("part", d.part().name()).addValue("round", d.roundId()).addValue("tasks", d.tasks())
                .addValue("output", d.expectedOutput()).addValue("due", Date.valueOf(d.internalDue()))
                .addValue("status", UnitDelegation.ASSIGNED).addValue("by", d.delegatedBy())
                .addValue("at", Timestamp.from(d.delegatedAt())));
    }

    void returned(String delegationInstance, String unitGroup) {
        jdbc.update("update unit_delegation set times_returned = times_returned + 1"
                + " where delegation_instance = :delegation and unit_group = :unit", key(delegationInstance, unitGroup));
    }

    void accepted(String delegationInstance, String unitGroup, String answer, String answeredBy, Instant at) {
        jdbc.update("update unit_delegation set status = :status, answer = :answer, answered_by = :by, accepted_at = :at"
                + " where delegation_instance = :delegation and unit_group = :unit",
                key(delegationInstance, unitGroup).addValue("status", UnitDelegation.ACCEPTED).addValue("answer", answer)
                        .addValue("by", answeredBy).addValue("at", Timestamp.from(at)));
    }

    /** The agency sent its part: what its units had not answered is closed. */
    void closeOpen(String recommendationInstance, String agency, DelegatedPart part) {
        jdbc.update("update unit_delegation set status = :closed where recommendation_instance = :recommendation"
                + " and agency = :agency and part = :part and status = :assigned",
                new MapSqlParameterSource("closed", UnitDelegation.CLOSED).addValue("assigned", UnitDelegation.ASSIGNED)
                        .addValue("recommendation", recommendationInstance).addValue("agency", agency)
                        .addValue("part", part.name()));
    }

    /** Everything an agency delegated, for its progress view and its own plan document; newest first. */
    public List<UnitDelegation> ofAgency(String agency) {
        return jdbc.query("select " + COLUMNS + " from unit_delegation where agency = :agency order by id desc",
                new MapSqlParameterSource("agency", agency), ROW);
    }

    /** What one agency delegated for one part of one recommendation, oldest first (a part of this round only). */
    public List<UnitDelegation> ofPart(String recommendationInstance, String agency, DelegatedPart part, String roundId) {
        return jdbc.query("select " + COLUMNS + " from unit_delegation where recommendation_instance = :recommendation"
                + " and agency = :agency and part = :part" + (roundId == null ? "" : " and round_id = :round")
                + " order by id", new MapSqlParameterSource("recommendation", recommendationInstance)
                .addValue("agency", agency).addValue("part", part.name()).addValue("round", roundId), ROW);
    }

    /** Every unit's work on one recommendation, for its case page. */
    public List<UnitDelegation> ofRecommendation(int cycle, String number) {
        return jdbc.query("select " + COLUMNS + " from unit_delegation where cycle = :cycle and number = :number order by id",
                new MapSqlParameterSource("cycle", cycle).addValue("number", number), ROW);
    }

    private static MapSqlParameterSource key(String delegationInstance, String unitGroup) {
        return new MapSqlParameterSource("delegation", delegationInstance).addValue("unit", unitGroup);
    }

    private static final RowMapper<UnitDelegation> ROW = (rs, i) -> new UnitDelegation(rs.getLong("id"),
            rs.getString("delegation_instance"), rs.getString("recommendation_instance"), rs.getInt("cycle"),
            rs.getString("number"), rs.getString("agency"), rs.getString("unit_group"),
            DelegatedPart.valueOf(rs.getString("part")), rs.getString("round_id"), rs.getString("tasks"),
            rs.getString("expected_output"), rs.getDate("internal_due").toLocalDate(), rs.getString("status"),
            rs.getInt("times_returned"), rs.getString("answer"), rs.getString("answered_by"),
            rs.getTimestamp("accepted_at") == null ? null : rs.getTimestamp("accepted_at").toInstant(),
            rs.getString("delegated_by"), rs.getTimestamp("delegated_at").toInstant());
}
