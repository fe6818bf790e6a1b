package vn.gov.mofa.upr.recommendation;

import static vn.gov.mofa.upr.workflow.RecommendationProcess.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import vn.gov.mofa.upr.agency.AgencyDirectory;
import vn.gov.mofa.upr.agency.TaskGroups;
import vn.gov.mofa.upr.security.RecommendationAccess;
import vn.gov.mofa.upr.workflow.Deadlines;
import vn.gov.mofa.upr.workflow.VariableShapes;

/** Checks and records who works on a recommendation, whether MOFA assigned it in Tasklist or an annex said so. */
@Service
class AgencyAssignments {

    private final AgencyDirectory agencies;
    private final TaskGroups taskGroups;
    private final RecommendationRegistry registry;
    private final RecommendationAccess access;
    private final Deadlines deadlines;

    public AgencyAssignments(AgencyDirectory agencies, TaskGroups taskGroups, RecommendationRegistry registry,
            RecommendationAccess access, Deadlines deadlines) {
        this.agencies = agencies;
        this.taskGroups = taskGroups;
        this.registry = registry;
        this.access = access;
        this.deadlines = deadlines;
    }

    /** @throws InvalidAssignmentException with a message for the MOFA officer, in Vietnamese */
    public AgencyAssignment validate(String leadAgency, List<String> coordinating, String taskGroup, Object planDueDate) {
        if (leadAgency == null || agencies.byCode(leadAgency).isEmpty()) {
            throw new InvalidAssignmentException("Cơ quan chủ trì không hợp lệ: '" + leadAgency + "'");
        }
        List<String> others = new ArrayList<>();
        for (String code : coordinating) {
            if (agencies.byCode(code).isEmpty()) {
                throw new InvalidAssignmentException("Cơ quan phối hợp không hợp lệ: '" + code + "'");
            }
            if (!code.equals(leadAgency) && !others.contains(code)) {
                others.add(code);
            }
        }
        if (taskGroups.byCode(taskGroup).isEmpty()) {
            throw new InvalidAssignmentException("Nhóm nhiệm vụ phải từ 1 đến 6, nhận được: '" + taskGroup + "'");
        }
        try {
            return new AgencyAssignment(leadAgency, List.copyOf(others), taskGroup.trim(), deadlines.dateOf(planDueDate));
        } catch (IllegalArgumentException e) {
            throw new InvalidAssignmentException("Hạn gửi kế hoạch: " + e.getMessage());
        }
    }

    /** The process variables that carry an assignment, with the names forms show. */
    public Map<String, Object> variablesOf(AgencyAssignment assignment) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_LEAD_AGENCY, assignment.leadAgency());
        variables.put(VAR_COORDINATING_AGENCIES, VariableShapes.agencyList(assignment.coordinatingAgencies()));
        variables.put(VAR_LEAD_AGENCY_NAME, agencies.namesOf(assignment.leadAgency()));
        variables.put(VAR_COORDINATING_AGENCY_NAMES, agencies.namesOf(String.join(",", assignment.coordinatingAgencies())));
        variables.put(VAR_TASK_GROUP, assignment.taskGroup());
        variables.put(VAR_PLAN_DUE_DATE, VariableShapes.date(assignment.planDueDate()));
        variables.put(VAR_ASSIGNMENT_CONFIRMED, true);
        return variables;
    }

    public void record(String processInstanceId, AgencyAssignment assignment) {
        registry.recordAssignment(processInstanceId, assignment.leadAgency(), assignment.coordinatingAgencies(),
                assignment.taskGroup(), assignment.planDueDate());
        access.grant(processInstanceId, assignment.agencies());
    }

    public static class InvalidAssignmentException extends IllegalArgumentException {
        public InvalidAssignmentException(String message) {
            super(message);
        }
    }
}
