package vn.gov.mofa.upr.casefile;

import static vn.gov.mofa.upr.workflow.RecommendationProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.gov.mofa.upr.agency.Agency;
import vn.gov.mofa.upr.agency.AgencyDirectory;
import vn.gov.mofa.upr.agency.AgencyUnits;
import vn.gov.mofa.upr.workflow.UnitDelegationProcess;
import vn.gov.mofa.upr.agency.TaskGroups;
import vn.gov.mofa.upr.casefile.CaseFile.Contribution;
import vn.gov.mofa.upr.casefile.CaseFile.OpenStep;
import vn.gov.mofa.upr.casefile.CaseFile.Report;
import vn.gov.mofa.upr.casefile.CaseFile.Review;
import vn.gov.mofa.upr.casefile.CaseFile.Round;
import vn.gov.mofa.upr.notification.TasklistLinks;
import vn.gov.mofa.upr.recommendation.Recommendation;
import vn.gov.mofa.upr.reporting.ApprovedReport;
import vn.gov.mofa.upr.reporting.ApprovedReports;
import vn.gov.mofa.upr.reporting.Contributions;
import vn.gov.mofa.upr.reporting.ImplementationStatus;
import vn.gov.mofa.upr.security.CurrentUser;
import vn.gov.mofa.upr.system.PageTexts;
import vn.gov.mofa.upr.workflow.Deadlines;

/**
 * Puts a recommendation's case file together: the registry, the engine's open tasks and history (a handful of
 * queries, whatever the number of rounds), the approved reports and the evidence files. Reads as the application:
 * who may read it is decided before ({@code RecommendationAccess}).
 */
@Service
class CaseFiles {

    /** The steps an agency (or MOFA for it) may attach evidence to while the step is open. */
    static final Set<String> EVIDENCE_STEPS = Set.of(PREPARE_PLAN, CONTRIBUTE_INPUT, PREPARE_REPORT);

    static final Map<String, String> PLAN_LABELS = labels(PLAN_VARIABLES, "Đầu mối", "Thư điện tử của đầu mối",
            "Điện thoại của đầu mối", "Các hoạt động thực hiện", "Thời hạn hoàn thành", "Kết quả dự kiến", "Chỉ số đánh giá");
    static final Map<String, String> REPORT_LABELS = labels(REPORT_VARIABLES, "Đợt báo cáo", "Tình trạng thực hiện",
            "Kết quả thực hiện", "Số liệu", "Khó khăn, vướng mắc", "Kiến nghị", "Tóm tắt bằng tiếng Anh", "Thông tin đóng góp");
    private static final TypeReference<Map<String, Object>> VALUES = new TypeReference<>() {
    };

    private final HistoryService history;
    private final TaskService tasks;
    private final AgencyDirectory agencies;
    private final TaskGroups taskGroups;
    private final ApprovedReports approvedReports;
    private final EvidenceFiles evidence;
    private final CaseTimeline timeline;
    private final TasklistLinks tasklist;
    private final Contributions contributions;
    private final AgencyUnits units;
    private final ObjectMapper json;
    private final Clock clock;
    private final PageTexts texts;

    CaseFiles(HistoryService history, TaskService tasks, AgencyDirectory agencies, TaskGroups taskGroups,
            ApprovedReports approvedReports, EvidenceFiles evidence, CaseTimeline timeline, TasklistLinks tasklist,
            Contributions contributions, AgencyUnits units, ObjectMapper json, Clock clock, PageTexts texts) {
        this.units = units;
        this.history = history;
        this.tasks = tasks;
        this.agencies = agencies;
        this.taskGroups = taskGroups;
        this.approvedReports = approvedReports;
        this.evidence = evidence;
        this.timeline = timeline;
        this.tasklist = tasklist;
        this.contributions = contributions;
        this.json = json;
        this.clock = clock;
        this.texts = texts;
    }

    CaseFile of(Recommendation r, CurrentUser reader) {
        String instanceId = r.processInstanceId();
        HistoricProcessInstance instance = instanceId == null ? null
                : history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult();
        List<HistoricTaskInstance> done = instance == null ? List.of()
                : history.createHistoricTaskInstanceQuery().processInstanceId(instanceId).finished()
                        .orderByHistoricTaskInstanceEndTime().asc().list();
        Map<String, Map<String, Object>> variables = instance == null ? Map.of() : variables(instanceId);
        Map<String, Object> process = variables.getOrDefault(null, Map.of());
        List<OpenStep> open = instance == null ? List.of() : openSteps(instanceId, reader);
        List<Review> reviews = reviews(done, variables);
        List<ApprovedReport> approved = approvedReports.of(r.cycle(), r.number());
        Map<String, String> plan = fields(process, shownLabels(PLAN_LABELS));
        return new CaseFile(r, agencies.namesOf(r.leadAgency()), r.coordinatingAgencies().stream().map(agencies::namesOf).toList(),
                taskGroups.byCode(r.taskGroup()).map(TaskGroups.TaskGroup::nameVi).orElse(r.taskGroup()), open,
                standing(r, instance, open), plan, planStatus(plan, open, reviews), reviews,
                approved.stream().map(this::round).toList(), pendingReport(open, process, approved),
                pendingContributions(process, approved),
                timeline.of(r, instance, done, variables), evidence.of(r.cycle(), r.number()).stream()
                        .map(file -> new CaseFile.Evidence(file, holderName(file.agency()))).toList(),
                instance != null && instance.getEndTime() == null && reader.seesEverything() ? cockpitLink(instance) : null);
    }

    /** The parts of this recommendation the reader's unit holds open, with the files it attached to them. */
    List<UnitWork> unitWork(Recommendation r, CurrentUser reader) {
        if (reader.groups().isEmpty()) {
            return List.of();
        }
        List<EvidenceFile> files = evidence.of(r.cycle(), r.number());
        return tasks.createTaskQuery().processInstanceBusinessKey(r.businessKey())
                .taskDefinitionKey(UnitDelegationProcess.ANSWER).taskCandidateGroupIn(reader.groups()).list().stream()
                .map(task -> {
                    Map<String, Object> v = tasks.getVariables(task.getId());
                    String unit = (String) v.get(UnitDelegationProcess.VAR_UNIT);
                    return new UnitWork(task.getId(), holderName(unit), (String) v.get(UnitDelegationProcess.VAR_PART_LABEL),
                            (String) v.get(UnitDelegationProcess.VAR_DELEGATED_TASKS),
                            (String) v.get(UnitDelegationProcess.VAR_DELEGATED_OUTPUT),
                            LocalDate.parse((String) v.get(UnitDelegationProcess.VAR_INTERNAL_DUE_DATE)),
                            files.stream().filter(f -> unit.equals(f.agency())).toList(), tasklist.task(task.getId()));
                }).toList();
    }

    /** The agency, or the unit, that held a step. */
    private String holderName(String group) {
        return units.unit(group).map(unit -> unit.name()).orElseGet(() -> agencies.namesOf(group));
    }

    /** The variables of the instance in history (their last values), by task id: null for the process's own. */
    private Map<String, Map<String, Object>> variables(String instanceId) {
        Map<String, Map<String, Object>> byTask = new HashMap<>();
        for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().processInstanceId(instanceId)
                .disableCustomObjectDeserialization().list()) {
            boolean local = v.getTaskId() != null;
            boolean processScope = v.getActivityInstanceId() != null && v.getActivityInstanceId().equals(instanceId);
            if (local || processScope) {
                byTask.computeIfAbsent(v.getTaskId(), id -> new HashMap<>()).put(v.getName(), v.getValue());
            }
        }
        return byTask;
    }

    private List<OpenStep> openSteps(String instanceId, CurrentUser reader) {
        List<OpenStep> steps = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        for (Task task : tasks.createTaskQuery().processInstanceId(instanceId).orderByTaskCreateTime().asc().list()) {
            String group = tasks.getIdentityLinksForTask(task.getId()).stream()
                    .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                    .map(IdentityLink::getGroupId).findFirst().orElse(Agency.MOFA);
            LocalDate due = task.getDueDate() == null ? null : LocalDate.ofInstant(task.getDueDate().toInstant(), clock.getZone());
            long overdue = due != null && today.isAfter(due) ? ChronoUnit.DAYS.between(due, today) : 0;
            boolean holds = reader.groups().contains(group);
            steps.add(new OpenStep(task.getId(), task.getTaskDefinitionKey(), task.getName(), agencies.namesOf(group),
                    task.getCreateTime().toInstant(), due, overdue,
                    EVIDENCE_STEPS.contains(task.getTaskDefinitionKey()) && (holds || reader.isMofaOfficer()),
                    holds ? tasklist.task(task.getId()) : null, holds && EVIDENCE_STEPS.contains(task.getTaskDefinitionKey())));
        }
        return steps;
    }

    private String standing(Recommendation r, HistoricProcessInstance instance, List<OpenStep> open) {
        if (!r.tracked() || instance == null) {
            return texts.text("case.standing.notTracked", "Không theo dõi thực hiện (khuyến nghị ghi nhận).");
        }
        if (instance.getEndTime() != null) {
            String ended = texts.text("case.standing.ended", "Đã kết thúc theo dõi");
            return ended + (r.finalStatus() == null ? "." : ": " + statusLabel(r.finalStatus()) + ".");
        }
        return open.isEmpty() ? texts.text("case.standing.betweenRounds", "Đang thực hiện kế hoạch; chờ Bộ Ngoại giao mở đợt báo cáo tiếp theo.") : null;
    }

    private String planStatus(Map<String, String> plan, List<OpenStep> open, List<Review> reviews) {
        String planSubject = reviewSubject(true);
        List<Review> planReviews = reviews.stream().filter(review -> review.subject().equals(planSubject)).toList();
        Review last = planReviews.isEmpty() ? null : planReviews.get(planReviews.size() - 1);
        if (open.stream().anyMatch(step -> step.step().equals(REVIEW_PLAN))) {
            return texts.text("case.plan.submitted", "Đã nộp, chờ Bộ Ngoại giao thẩm định.");
        }
        if (open.stream().anyMatch(step -> step.step().equals(PREPARE_PLAN))) {
            return last == null ? texts.text("case.plan.preparing", "Cơ quan chủ trì đang lập kế hoạch.")
                    : texts.text("case.plan.returned", "Bị trả lại; cơ quan chủ trì đang chỉnh sửa.");
        }
        if (last != null && last.approved()) {
            return texts.text("case.plan.approved", "Đã được phê duyệt.");
        }
        return plan.isEmpty() ? texts.text("case.plan.none", "Chưa có kế hoạch.") : "";
    }

    /** MOFA's finished reviews, each with the decision and the version it reviewed (kept since the case page exists). */
    private List<Review> reviews(List<HistoricTaskInstance> done, Map<String, Map<String, Object>> variables) {
        List<Review> reviews = new ArrayList<>();
        Map<String, String> planLabels = shownLabels(PLAN_LABELS);
        Map<String, String> reportLabels = shownLabels(REPORT_LABELS);
        for (HistoricTaskInstance task : done) {
            boolean plan = REVIEW_PLAN.equals(task.getTaskDefinitionKey());
            if (!plan && !REVIEW_REPORT.equals(task.getTaskDefinitionKey())) {
                continue;
            }
            Map<String, Object> local = variables.getOrDefault(task.getId(), Map.of());
            String decision = text(local.get(VAR_DECISION));
            if (decision.isEmpty()) {
                continue;
            }
            boolean approved = !decision.startsWith("Trả lại");
            int colon = decision.indexOf(": ");
            Map<String, String> reviewed = fields(parse(text(local.get(VAR_REVIEWED))), plan ? planLabels : reportLabels);
            reviewed.remove(reportLabels.get(VAR_CONTRIBUTIONS));
            reviews.add(new Review(task.getEndTime().toInstant(), reviewSubject(plan),
                    text(local.getOrDefault(VAR_DECIDED_BY, task.getAssignee())), approved,
                    colon < 0 ? "" : decision.substring(colon + 2), reviewed));
        }
        return reviews;
    }

    private Round round(ApprovedReport a) {
        Map<String, String> labels = shownLabels(REPORT_LABELS);
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, labels.get(VAR_REPORT_RESULTS), a.results());
        put(fields, labels.get(VAR_REPORT_FIGURES), a.figures());
        put(fields, labels.get(VAR_REPORT_DIFFICULTIES), a.difficulties());
        put(fields, labels.get(VAR_REPORT_PROPOSALS), a.proposals());
        put(fields, labels.get(VAR_REPORT_SUMMARY_EN), a.summaryEn());
        return new Round(a.roundName(), new Report(statusLabel(a.implementationStatus()), fields),
                contributions(a.contributions()), a.approvedBy(), a.approvedAt());
    }

    /** The report of the open round once the lead agency submitted it, until MOFA approves it. */
    private Report pendingReport(List<OpenStep> open, Map<String, Object> process, List<ApprovedReport> approved) {
        if (open.stream().noneMatch(step -> step.step().equals(REVIEW_REPORT))) {
            return null;
        }
        Map<String, String> labels = shownLabels(REPORT_LABELS);
        Map<String, String> fields = fields(process, labels);
        fields.remove(labels.get(VAR_CONTRIBUTIONS));
        fields.remove(labels.get(VAR_IMPLEMENTATION_STATUS));
        return new Report(statusLabel(text(process.get(VAR_IMPLEMENTATION_STATUS))), fields);
    }

    /** The contributions received in the open round (the round's report, once approved, keeps its own). */
    private List<Contribution> pendingContributions(Map<String, Object> process, List<ApprovedReport> approved) {
        Object roundId = process.get(VAR_ROUND_ID);
        if (roundId == null || approved.stream().anyMatch(a -> roundId.equals(a.roundId()))) {
            return List.of();
        }
        return contributions(text(process.get(VAR_CONTRIBUTIONS)));
    }

    private List<Contribution> contributions(String value) {
        return contributions.read(value).stream().map(c -> new Contribution(c.agencyName(), c.results(), c.figures(),
                c.difficulties())).toList();
    }

    /**
     * A running instance in Cockpit. Cockpit CE has no page for an ended instance (its history view is Enterprise only),
     * so an ended one gets no link: its whole story is on the case page.
     */
    private static String cockpitLink(HistoricProcessInstance instance) {
        return "/camunda/app/cockpit/default/#/process-instance/" + instance.getId() + "/runtime";
    }

    private Map<String, Object> parse(String value) {
        try {
            return value.isEmpty() ? Map.of() : json.readValue(value, VALUES);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    /** The implementation status stored as {@code code}, in the page's language. */
    private String statusLabel(String code) {
        ImplementationStatus status = ImplementationStatus.of(code);
        return texts.either(status.label(), status.english());
    }

    /** What a review was about, in the page's language. */
    private String reviewSubject(boolean plan) {
        return plan ? texts.text("case.review.plan", "Kế hoạch") : texts.text("case.review.report", "Báo cáo");
    }

    /** The labels of the variables in the page's language ({@code case.field.<variable>}; Vietnamese as given). */
    private Map<String, String> shownLabels(Map<String, String> vietnamese) {
        Map<String, String> shown = new LinkedHashMap<>();
        vietnamese.forEach((name, label) -> shown.put(name, texts.text("case.field." + name, label)));
        return shown;
    }

    /** The non-empty values among {@code labels}' variables, by label, in the labels' order. */
    private Map<String, String> fields(Map<String, Object> values, Map<String, String> labels) {
        Map<String, String> fields = new LinkedHashMap<>();
        labels.forEach((name, label) -> put(fields, label, shown(name, text(values.get(name)))));
        return fields;
    }

    /** A status by its label and a date as dd/MM/yyyy; other values as they are. */
    private String shown(String name, String value) {
        if (value.isBlank()) {
            return value;
        }
        if (name.equals(VAR_IMPLEMENTATION_STATUS)) {
            return statusLabel(value);
        }
        if (name.equals(VAR_PLAN_DEADLINE)) {
            try {
                return Deadlines.format(Deadlines.parse(value));
            } catch (IllegalArgumentException notADate) {
                return value;
            }
        }
        return value;
    }

    private static void put(Map<String, String> fields, String label, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(label, value.strip());
        }
    }

    static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static Map<String, String> labels(List<String> names, String... labels) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            map.put(names.get(i), labels[i]);
        }
        return map;
    }
}
