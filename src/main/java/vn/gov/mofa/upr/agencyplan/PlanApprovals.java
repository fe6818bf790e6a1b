package vn.gov.mofa.upr.agencyplan;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import vn.gov.mofa.upr.workflow.RecommendationProcess;

/**
 * Which recommendations have an approved plan: their instance has reached the step after MOFA's approval — the wait
 * for a reporting round (versions 1 and 2), or the check for a round already waiting (version 3, which may go on to the
 * report without waiting). One indexed query on the engine's history (ACT_IDX_HI_ACT_INST_PROCINST) for
 * any number of instances, rather than a history query per recommendation.
 */
@Component
class PlanApprovals {

    private final NamedParameterJdbcTemplate jdbc;

    PlanApprovals(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The process instance ids among {@code instances} whose plan was approved. */
    Set<String> approvedAmong(Collection<String> instances) {
        if (instances.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("select distinct PROC_INST_ID_ from ACT_HI_ACTINST"
                + " where PROC_INST_ID_ in (:instances) and ACT_ID_ in (:approved)",
                new MapSqlParameterSource("instances", instances).addValue("approved", List.of(
                        RecommendationProcess.WAIT_FOR_REPORT_REQUEST, RecommendationProcess.JOIN_OPEN_ROUND)),
                String.class));
    }
}
