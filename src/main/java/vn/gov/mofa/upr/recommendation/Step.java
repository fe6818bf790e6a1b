package vn.gov.mofa.upr.recommendation;

import static vn.gov.mofa.upr.workflow.RecommendationProcess.*;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where a recommendation stands, as the list names it: the user tasks of {@code upr-recommendation} grouped the way
 * MOFA speaks of them, the wait for a reporting round, and the end of the instance.
 */
public enum Step {
    ASSIGNMENT("assignment", "Chờ phân công", ASSIGN_AGENCIES),
    PLAN("plan", "Lập kế hoạch", PREPARE_PLAN),
    REVIEW("review", "Bộ Ngoại giao xem xét", REVIEW_PLAN, REVIEW_REPORT),
    FOLLOW_UP("follow-up", "Đôn đốc quá hạn", FOLLOW_UP_OVERDUE),
    WAITING("waiting", "Chờ đợt báo cáo"),
    CONTRIBUTION("contribution", "Đóng góp ý kiến", CONTRIBUTE_INPUT),
    REPORT("report", "Báo cáo kết quả", PREPARE_REPORT),
    CLOSED("closed", "Đã kết thúc");

    private final String code;
    private final String label;
    private final List<String> tasks;

    Step(String code, String label, String... tasks) {
        this.code = code;
        this.label = label;
        this.tasks = List.of(tasks);
    }

    /** As it appears in the list's address ({@code ?step=assignment}). */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The task definition keys of this step; empty for the wait and the end, which are not tasks. */
    List<String> tasks() {
        return tasks;
    }

    public static Optional<Step> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    static Optional<Step> ofTask(String taskDefinitionKey) {
        return Arrays.stream(values()).filter(s -> s.tasks.contains(taskDefinitionKey)).findFirst();
    }
}
