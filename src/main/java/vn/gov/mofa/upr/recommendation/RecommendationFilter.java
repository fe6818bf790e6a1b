package vn.gov.mofa.upr.recommendation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import vn.gov.mofa.upr.workflow.RecommendationProcess;

/**
 * What the registry is narrowed by, in {@code GET /api/recommendations} and the list page; every condition that is
 * set must hold. {@code visibleAgencies} is set by the caller's identity: null for MOFA (everything), otherwise the
 * agencies whose recommendations the caller may see.
 *
 * <p>{@code text} is a number in any form people type ("143.1", "KN 143.1", "UPR2-143.1": that recommendation and
 * those numbered below it, 143.1.1, first the number itself) or words, each of which must appear in either text, accents
 * optional. {@code agency} is a lead or coordinating agency; {@code leadAgency} and {@code taskGroup} may be
 * {@link #NONE} (not set yet). {@code step}, {@code overdue} and {@code waitingFor} read the engine's open tasks of
 * the recommendation's instance; overdue and waiting for an agency together mean that agency's own task is late.
 * {@code trackedOnly} keeps the recommendations followed up (the dashboard counts those); {@code change} with
 * {@code since} (a day in Viet Nam) keeps those to which that happened since then.
 */
public record RecommendationFilter(Integer cycle, String agency, String taskGroup, String status, String theme,
        String sdg, String text, String response, String leadAgency, String coordinatingAgency, Step step,
        boolean overdue, String waitingFor, boolean trackedOnly, Change change, LocalDate since,
        List<String> visibleAgencies) {

    /** Implementation status of a recommendation for which no report was approved yet. */
    public static final String NO_APPROVED_REPORT = "NO_APPROVED_REPORT";
    /** A lead agency or task group not set yet ("Chưa phân công", "Chưa phân nhóm"). */
    public static final String NONE = "none";

    public RecommendationFilter {
        if (change != null && since == null) {
            throw new IllegalArgumentException("a change needs the day it is counted from");
        }
    }

    /** Everything the caller may see. */
    public static RecommendationFilter visibleTo(List<String> visibleAgencies) {
        return new RecommendationFilter(null, null, null, null, null, null, null, null, null, null, null, false, null,
                false, null, null, visibleAgencies);
    }

    /** The same filter, narrowed to the recommendations waiting in {@code at}. */
    public RecommendationFilter waitingIn(Step at) {
        return new RecommendationFilter(cycle, agency, taskGroup, status, theme, sdg, text, response, leadAgency,
                coordinatingAgency, at, overdue, waitingFor, trackedOnly, change, since, visibleAgencies);
    }

    /** Where this filter's number goes first, or null when {@code text} is not a number. */
    RecommendationNumber.Typed typedNumber() {
        return RecommendationNumber.parse(text).orElse(null);
    }

    void appendTo(StringBuilder where, MapSqlParameterSource params, Clock clock) {
        Timestamp now = Timestamp.from(clock.instant());
        if (trackedOnly) {
            where.append(" and tracked = true");
        }
        if (cycle != null) {
            where.append(" and cycle = :cycle");
            params.addValue("cycle", cycle);
        }
        if (agency != null) {
            where.append(" and (lead_agency = :agency or ").append(listContains("coordinating_agencies", ":agencyLike")).append(")");
            params.addValue("agency", agency).addValue("agencyLike", like(agency));
        }
        if (NONE.equals(leadAgency)) {
            where.append(" and coalesce(lead_agency, '') = ''");
        } else if (leadAgency != null) {
            where.append(" and lead_agency = :leadAgency");
            params.addValue("leadAgency", leadAgency);
        }
        if (coordinatingAgency != null) {
            where.append(" and ").append(listContains("coordinating_agencies", ":coordinatingLike"));
            params.addValue("coordinatingLike", like(coordinatingAgency));
        }
        if (NONE.equals(taskGroup)) {
            where.append(" and coalesce(task_group, '') = ''");
        } else if (taskGroup != null) {
            where.append(" and task_group = :taskGroup");
            params.addValue("taskGroup", taskGroup);
        }
        if (response != null) {
            where.append(" and response = :response");
            params.addValue("response", response);
        }
        if (NO_APPROVED_REPORT.equals(status)) {
            // as the dashboard and the consolidated report count it: a cycle may close before any report was approved
            where.append(" and implementation_status is null");
        } else if (status != null) {
            where.append(" and (implementation_status = :status or final_status = :status)");
            params.addValue("status", status);
        }
        if (theme != null) {
            where.append(" and lower(themes) like :theme");
            params.addValue("theme", "%" + theme.toLowerCase(Locale.ROOT) + "%");
        }
        if (sdg != null) {
            where.append(" and lower(sdgs) like :sdg");
            params.addValue("sdg", "%" + sdg.toLowerCase(Locale.ROOT) + "%");
        }
        appendText(where, params);
        appendWork(where, params, now);
        if (change != null) {
            where.append(" and ").append(change.condition);
            params.addValue("since", Timestamp.from(since.atStartOfDay(clock.getZone()).toInstant())).addValue("now", now);
        }
        if (visibleAgencies != null) {
            where.append(" and (lead_agency in (:visible)");
            for (int i = 0; i < visibleAgencies.size(); i++) {
                where.append(" or ").append(listContains("coordinating_agencies", ":visibleLike" + i));
                params.addValue("visibleLike" + i, like(visibleAgencies.get(i)));
            }
            where.append(")");
            params.addValue("visible", visibleAgencies.isEmpty() ? List.of("") : visibleAgencies);
        }
    }

    /** A number finds itself and those numbered below it; its words may also appear in a text (a year, "2030"). */
    private void appendText(StringBuilder where, MapSqlParameterSource params) {
        if (text == null || text.isBlank()) {
            return;
        }
        where.append(" and (");
        RecommendationNumber.Typed number = typedNumber();
        if (number != null) {
            where.append("((number = :number or number like :numberBelow)")
                    .append(number.cycle() == null ? "" : " and cycle = :numberCycle").append(") or ");
            params.addValue("number", number.number()).addValue("numberBelow", number.number() + ".%")
                    .addValue("numberCycle", number.cycle());
        }
        // LIKE's wildcards in a user's words are just characters to drop
        String[] words = SearchText.fold(text.replaceAll("[%_\\\\]", " ")).split(" ");
        where.append("(1 = 1");
        for (int i = 0; i < words.length; i++) {
            where.append(" and search_text like :word").append(i);
            params.addValue("word" + i, "%" + words[i] + "%");
        }
        where.append("))");
    }

    /** The conditions on the engine's open work, each an indexed lookup by the recommendation's instance. */
    private void appendWork(StringBuilder where, MapSqlParameterSource params, Timestamp now) {
        if (step == Step.WAITING) {
            where.append(" and exists (select 1 from ACT_RU_EXECUTION e where e.PROC_INST_ID_ = r.process_instance_id"
                    + " and e.ACT_ID_ = :waitActivity)");
            params.addValue("waitActivity", RecommendationProcess.WAIT_FOR_REPORT_REQUEST);
        } else if (step == Step.CLOSED) {
            where.append(" and r.process_instance_id is not null"
                    + " and not exists (select 1 from ACT_RU_EXECUTION e where e.ID_ = r.process_instance_id)");
        } else if (step != null) {
            where.append(" and exists (select 1 from ACT_RU_TASK t where t.PROC_INST_ID_ = r.process_instance_id"
                    + " and t.TASK_DEF_KEY_ in (:stepTasks))");
            params.addValue("stepTasks", step.tasks());
        }
        if (overdue || waitingFor != null) {
            // one task that is both: "late at the Ministry of Justice" is not a late MOFA review beside a justice task
            where.append(" and exists (select 1 from ACT_RU_TASK t")
                    .append(waitingFor == null ? "" : " join ACT_RU_IDENTITYLINK i on i.TASK_ID_ = t.ID_"
                            + " and i.TYPE_ = 'candidate' and i.GROUP_ID_ = :waitingFor")
                    .append(" where t.PROC_INST_ID_ = r.process_instance_id").append(overdue ? " and t.DUE_DATE_ < :now" : "")
                    .append(")");
            params.addValue("now", now).addValue("waitingFor", waitingFor);
        }
    }

    /** Lists are stored "a|b|c": match a whole element, not a prefix of another code. */
    private static String listContains(String column, String param) {
        return "('|' || " + column + " || '|') like " + param;
    }

    private static String like(String code) {
        return "%|" + code + "|%";
    }
}
