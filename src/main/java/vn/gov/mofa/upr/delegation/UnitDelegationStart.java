package vn.gov.mofa.upr.delegation;

import static vn.gov.mofa.upr.workflow.UnitDelegationProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.gov.mofa.upr.agency.AgencyDirectory;
import vn.gov.mofa.upr.monitoring.BusinessEvent;
import vn.gov.mofa.upr.recommendation.Recommendation;
import vn.gov.mofa.upr.security.CurrentUser;
import vn.gov.mofa.upr.workflow.Deadlines;
import vn.gov.mofa.upr.workflow.RecommendationProcess;

/**
 * An agency's focal point hands part of the step it holds (plan, report, contribution) to some of its units.
 * The step stays open with MOFA's deadline; each unit gets its own task with an internal deadline before the
 * step's, and reads the delegation instance only (never the recommendation's own instance or the agency's others).
 * Every refusal says why in Vietnamese and starts nothing.
 */
@Service
public class UnitDelegationStart {

    /** What the focal point asks for. */
    public record Request(String taskId, List<String> units, String tasks, String expectedOutput, LocalDate internalDue) {
    }

    private final TaskService taskService;
    private final RuntimeService runtime;
    private final AuthorizationService authorizations;
    private final UnitDelegations delegations;
    private final DelegationUnits units;
    private final AgencyDirectory agencies;
    private final Deadlines deadlines;
    private final ObjectMapper json;
    private final Clock clock;

    UnitDelegationStart(TaskService taskService, RuntimeService runtime, AuthorizationService authorizations,
            UnitDelegations delegations, DelegationUnits units, AgencyDirectory agencies, Deadlines deadlines,
            ObjectMapper json, Clock clock) {
        this.taskService = taskService;
        this.runtime = runtime;
        this.authorizations = authorizations;
        this.delegations = delegations;
        this.units = units;
        this.agencies = agencies;
        this.deadlines = deadlines;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public int delegate(Recommendation r, Request request, CurrentUser user) {
        Task step = request.taskId() == null || r.processInstanceId() == null ? null : taskService.createTaskQuery()
                .processInstanceId(r.processInstanceId()).taskId(request.taskId()).singleResult();
        DelegatedPart part = step == null ? null : partOf(step);
        if (part == null) {
            throw refused(HttpStatus.CONFLICT, "Bước này đã xong hoặc không giao được cho đơn vị (chỉ kế hoạch, báo cáo và"
                    + " đóng góp đang thực hiện). Hãy tải lại trang. Chưa giao gì.");
        }
        String agency = holder(step);
        if (!user.groups().contains(agency)) {
            throw refused(HttpStatus.FORBIDDEN, "Chỉ cán bộ đầu mối của cơ quan đang thực hiện bước này được giao việc cho"
                    + " đơn vị của cơ quan. Chưa giao gì.");
        }
        List<String> chosen = List.copyOf(new LinkedHashSet<>(request.units() == null ? List.of() : request.units()));
        if (chosen.isEmpty()) {
            throw refused(HttpStatus.BAD_REQUEST, "Cần chọn ít nhất một đơn vị. Chưa giao gì.");
        }
        for (String unit : chosen) {
            if (!units.isUnitOf(unit, agency)) {
                throw refused(HttpStatus.BAD_REQUEST, "'" + unit + "' không phải là đơn vị của " + agencies.namesOf(agency)
                        + ". Chưa giao gì.");
            }
        }
        if (request.tasks() == null || request.tasks().isBlank() || request.tasks().length() > 4000) {
            throw refused(HttpStatus.BAD_REQUEST, "Cần ghi nội dung công việc giao cho đơn vị (tối đa 4.000 ký tự). Chưa giao gì.");
        }
        if (request.expectedOutput() != null && request.expectedOutput().length() > 2000) {
            throw refused(HttpStatus.BAD_REQUEST, "Kết quả, sản phẩm cần có dài quá 2.000 ký tự. Chưa giao gì.");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate stepDue = step.getDueDate() == null ? null : deadlines.dateOf(step.getDueDate());
        if (request.internalDue() == null || request.internalDue().isBefore(today)
                || (stepDue != null && !request.internalDue().isBefore(stepDue))) {
            throw refused(HttpStatus.BAD_REQUEST, "Hạn nội bộ phải từ hôm nay và trước hạn của cơ quan"
                    + (stepDue == null ? "" : " (" + Deadlines.format(stepDue) + ")") + ". Chưa giao gì.");
        }
        Map<String, Object> recommendation = runtime.getVariables(r.processInstanceId(), List.of(
                RecommendationProcess.VAR_NUMBER, RecommendationProcess.VAR_CYCLE, RecommendationProcess.VAR_TEXT,
                RecommendationProcess.VAR_ROUND_ID));
        Map<String, Object> variables = new HashMap<>(recommendation);
        variables.put(VAR_UNITS, toJson(chosen));
        variables.put(VAR_AGENCY, agency);
        variables.put(VAR_AGENCY_NAME, agencies.namesOf(agency));
        variables.put(VAR_PART, part.name());
        variables.put(VAR_PART_LABEL, part.label());
        variables.put(VAR_RECOMMENDATION_INSTANCE, r.processInstanceId());
        variables.put(VAR_DELEGATED_TASKS, request.tasks().strip());
        variables.put(VAR_DELEGATED_OUTPUT, request.expectedOutput() == null ? null : request.expectedOutput().strip());
        variables.put(VAR_INTERNAL_DUE_DATE, request.internalDue().toString());
        ProcessInstance started = runtime.startProcessInstanceByKey(KEY, r.businessKey(), variables);
        String roundId = part == DelegatedPart.PLAN ? null : (String) recommendation.get(RecommendationProcess.VAR_ROUND_ID);
        for (String unit : chosen) {
            grantRead(unit, started.getId());
            delegations.add(new UnitDelegation(0, started.getId(), r.processInstanceId(), r.cycle(), r.number(), agency,
                    unit, part, roundId, request.tasks().strip(), variables.get(VAR_DELEGATED_OUTPUT) == null ? null
                    : (String) variables.get(VAR_DELEGATED_OUTPUT), request.internalDue(), UnitDelegation.ASSIGNED, 0,
                    null, null, null, user.userId(), clock.instant()));
        }
        BusinessEvent.DELEGATED.log(r.businessKey(), "{} of {} to {} due {}, by {}", part, agency, chosen,
                request.internalDue(), user.userId());
        return chosen.size();
    }

    static DelegatedPart partOf(Task step) {
        for (DelegatedPart part : DelegatedPart.values()) {
            if (part.step().equals(step.getTaskDefinitionKey())) {
                return part;
            }
        }
        return null;
    }

    private String holder(Task step) {
        return taskService.getIdentityLinksForTask(step.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId()).findFirst().orElse("");
    }

    /** The unit reads its delegation (the task's variables in Tasklist), nothing else of the recommendation. */
    private void grantRead(String unit, String delegationInstance) {
        Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setGroupId(unit);
        read.setResource(Resources.PROCESS_INSTANCE);
        read.setResourceId(delegationInstance);
        read.addPermission(Permissions.READ);
        authorizations.saveAuthorization(read);
    }

    private String toJson(List<String> chosen) {
        try {
            return json.writeValueAsString(chosen);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ResponseStatusException refused(HttpStatus status, String reason) {
        return new ResponseStatusException(status, reason);
    }
}
