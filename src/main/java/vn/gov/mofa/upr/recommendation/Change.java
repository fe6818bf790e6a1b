package vn.gov.mofa.upr.recommendation;

import java.util.Arrays;
import java.util.Optional;

import vn.gov.mofa.upr.workflow.RecommendationProcess;

/**
 * What happened to a recommendation since a day, as the dashboard asks it and the list filters it
 * ({@code ?change=report-approved&since=2026-11-01}): each is read where it is already kept, MOFA's approvals in
 * {@code approved_report}, submitted plans in the engine's task history, new overdue work in its open tasks. The SQL
 * is fixed here, never taken from a request; {@code :since} and {@code :now} are bound by the filter.
 */
public enum Change {
    REPORT_APPROVED("report-approved", "Báo cáo được phê duyệt",
            "exists (select 1 from approved_report a where a.cycle = r.cycle and a.number = r.number and a.approved_at >= :since)"),
    PLAN_SUBMITTED("plan-submitted", "Kế hoạch được nộp",
            "exists (select 1 from ACT_HI_TASKINST h where h.PROC_INST_ID_ = r.process_instance_id and h.TASK_DEF_KEY_ = '"
                    + RecommendationProcess.PREPARE_PLAN + "' and h.DELETE_REASON_ = 'completed' and h.END_TIME_ >= :since)"),
    NEW_OVERDUE("new-overdue", "Mới quá hạn (việc đang mở, hạn rơi vào khoảng này)",
            "exists (select 1 from ACT_RU_TASK t where t.PROC_INST_ID_ = r.process_instance_id"
                    + " and t.DUE_DATE_ >= :since and t.DUE_DATE_ < :now)");

    private final String code;
    private final String label;
    final String condition;

    Change(String code, String label, String condition) {
        this.code = code;
        this.label = label;
        this.condition = condition;
    }

    /** As it appears in the list's address. */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<Change> ofCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
