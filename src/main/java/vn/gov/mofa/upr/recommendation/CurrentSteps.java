package vn.gov.mofa.upr.recommendation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import vn.gov.mofa.upr.workflow.RecommendationProcess;

/**
 * Where the recommendations of one page stand: their open tasks with the group that holds each and its due date,
 * the wait for a round, the end. Three queries for the whole page, read from the engine's tables by instance id
 * (indexed), instead of one engine query per row.
 */
@Service
public class CurrentSteps {

    /** One open step: {@code holder} is the group the task waits on (an agency code or mofa), null when none; the due day in Viet Nam. */
    public record CurrentStep(Step step, String name, String holder, LocalDate due, boolean overdue) {
    }

    /** An open task past its due date: of which recommendation, which step, who holds it, how many days late. */
    public record LateTask(int cycle, String number, Step step, String name, String holder, LocalDate due, long daysLate) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public CurrentSteps(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** By process instance id; a recommendation without instance (noted) is absent. */
    public Map<String, List<CurrentStep>> of(Collection<Recommendation> recommendations) {
        List<String> instances = recommendations.stream().map(Recommendation::processInstanceId)
                .filter(java.util.Objects::nonNull).toList();
        Map<String, List<CurrentStep>> steps = new HashMap<>();
        if (instances.isEmpty()) {
            return steps;
        }
        Instant now = clock.instant();
        var params = new MapSqlParameterSource("instances", instances);
        jdbc.query("""
                select t.PROC_INST_ID_ pi, t.TASK_DEF_KEY_ task, t.NAME_ name, t.DUE_DATE_ due, min(i.GROUP_ID_) holder
                from ACT_RU_TASK t left join ACT_RU_IDENTITYLINK i
                    on i.TASK_ID_ = t.ID_ and i.TYPE_ = 'candidate' and i.GROUP_ID_ is not null
                where t.PROC_INST_ID_ in (:instances)
                group by t.ID_, t.PROC_INST_ID_, t.TASK_DEF_KEY_, t.NAME_, t.DUE_DATE_
                order by t.DUE_DATE_
                """, params, rs -> {
            Timestamp due = rs.getTimestamp("due");
            var step = Step.ofTask(rs.getString("task"));
            if (step.isPresent()) {
                steps.computeIfAbsent(rs.getString("pi"), k -> new ArrayList<>()).add(new CurrentStep(step.get(),
                        rs.getString("name"), rs.getString("holder"), due == null ? null : LocalDate.ofInstant(due.toInstant(), clock.getZone()),
                        due != null && due.toInstant().isBefore(now)));
            }
        });
        jdbc.query("select PROC_INST_ID_ pi from ACT_RU_EXECUTION where PROC_INST_ID_ in (:instances) and ACT_ID_ = :wait",
                params.addValue("wait", RecommendationProcess.WAIT_FOR_REPORT_REQUEST), rs -> {
                    steps.computeIfAbsent(rs.getString("pi"), k -> new ArrayList<>())
                            .add(new CurrentStep(Step.WAITING, Step.WAITING.label(), null, null, false));
                });
        Set<String> running = new HashSet<>(jdbc.queryForList("select ID_ from ACT_RU_EXECUTION where ID_ in (:instances)",
                params, String.class));
        for (String instance : instances) {
            if (!running.contains(instance)) {
                steps.put(instance, List.of(new CurrentStep(Step.CLOSED, Step.CLOSED.label(), null, null, false)));
            }
        }
        return steps;
    }

    /**
     * The late tasks of what the filter finds, the latest first, at most {@code limit}; held by one of
     * {@code holders} (null = anyone). A task two groups hold is listed for each.
     */
    public List<LateTask> late(RecommendationFilter filter, List<String> holders, int limit) {
        var params = new MapSqlParameterSource("limit", limit);
        LocalDate today = LocalDate.now(clock);
        return jdbc.query("select r.cycle, r.number, lt.TASK_DEF_KEY_ task, lt.NAME_ name, lt.DUE_DATE_ due, li.GROUP_ID_ holder"
                + lateTasks(filter, holders, params) + " order by lt.DUE_DATE_, r.cycle, r.number_order limit :limit", params,
                (rs, i) -> {
                    LocalDate due = LocalDate.ofInstant(rs.getTimestamp("due").toInstant(), clock.getZone());
                    return new LateTask(rs.getInt("cycle"), rs.getString("number"), Step.ofTask(rs.getString("task")).orElse(null),
                            rs.getString("name"), rs.getString("holder"), due, ChronoUnit.DAYS.between(due, today));
                });
    }

    /** How many of what the filter finds have a late task, by the group holding it: the list's overdue and waiting for it. */
    public Map<String, Long> lateByHolder(RecommendationFilter filter, List<String> holders) {
        var params = new MapSqlParameterSource();
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("select li.GROUP_ID_ holder, count(distinct r.id) n" + lateTasks(filter, holders, params)
                + " and li.GROUP_ID_ is not null group by li.GROUP_ID_", params, rs -> {
                    counts.put(rs.getString("holder"), rs.getLong("n"));
                });
        return counts;
    }

    private String lateTasks(RecommendationFilter filter, List<String> holders, MapSqlParameterSource params) {
        var where = new StringBuilder(" where lt.DUE_DATE_ < :lateBefore");
        filter.appendTo(where, params, clock);
        params.addValue("lateBefore", Timestamp.from(clock.instant())).addValue("holders", holders);
        return " from recommendation r join ACT_RU_TASK lt on lt.PROC_INST_ID_ = r.process_instance_id"
                + " left join ACT_RU_IDENTITYLINK li on li.TASK_ID_ = lt.ID_ and li.TYPE_ = 'candidate' and li.GROUP_ID_ is not null"
                + where + (holders == null ? "" : " and li.GROUP_ID_ in (:holders)");
    }
}
