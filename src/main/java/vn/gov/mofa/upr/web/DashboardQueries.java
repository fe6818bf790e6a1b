package vn.gov.mofa.upr.web;

import java.time.Clock;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;

import vn.gov.mofa.upr.agency.Agency;
import vn.gov.mofa.upr.agency.AgencyDirectory;
import vn.gov.mofa.upr.agency.TaskGroups;
import vn.gov.mofa.upr.notification.MailOutbox;
import vn.gov.mofa.upr.recommendation.RecommendationRegistry;
import vn.gov.mofa.upr.recommendation.RecommendationRegistry.Breakdown;
import vn.gov.mofa.upr.reporting.ImplementationStatus;
import vn.gov.mofa.upr.reporting.RoundState;
import vn.gov.mofa.upr.reporting.ReportingRounds;
import vn.gov.mofa.upr.security.CurrentUser;
import vn.gov.mofa.upr.web.Dashboard.Count;
import vn.gov.mofa.upr.workflow.RecommendationProcess;

/** Computes the dashboard for one user: MOFA sees every agency, an agency's users their own work only. */
@Service
public class DashboardQueries {

    private final RecommendationRegistry registry;
    private final AgencyDirectory agencies;
    private final TaskGroups taskGroups;
    private final TaskService tasks;
    private final ReportingRounds rounds;
    private final MailOutbox outbox;
    private final Clock clock;

    public DashboardQueries(RecommendationRegistry registry, AgencyDirectory agencies, TaskGroups taskGroups,
            TaskService tasks, ReportingRounds rounds, MailOutbox outbox, Clock clock) {
        this.registry = registry;
        this.agencies = agencies;
        this.taskGroups = taskGroups;
        this.tasks = tasks;
        this.rounds = rounds;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Dashboard forUser(CurrentUser user) {
        List<String> visible = user.visibleAgencies();
        List<Count> byStatus = registry.countTracked(Breakdown.STATUS, visible).entrySet().stream()
                .map(e -> new Count(ImplementationStatus.of(e.getKey()).name(), ImplementationStatus.labelOf(e.getKey()), e.getValue()))
                .sorted(Comparator.comparing(c -> ImplementationStatus.valueOf(c.key()))).toList();
        List<Count> byTaskGroup = registry.countTracked(Breakdown.TASK_GROUP, visible).entrySet().stream()
                .map(e -> new Count(e.getKey(), taskGroups.byCode(e.getKey())
                        .map(g -> "Nhóm " + g.code() + ". " + g.nameVi()).orElse("Chưa phân nhóm"), e.getValue()))
                .toList();
        List<Count> byLeadAgency = registry.countTracked(Breakdown.LEAD_AGENCY, visible).entrySet().stream()
                .map(e -> new Count(e.getKey(), e.getKey().isEmpty() ? "Chưa phân công" : agencies.namesOf(e.getKey()), e.getValue()))
                .sorted(Comparator.comparingLong(Count::count).reversed()).toList();
        List<Count> overdue = overdueByAgency(visible);
        List<RoundState> openRounds = rounds.openWithProgress(visible);
        Long failedMails = user.isMofaOfficer() ? outbox.countByStatus().getOrDefault(MailOutbox.Status.FAILED, 0L) : null;
        return new Dashboard(visible == null ? "Tất cả các cơ quan" : agencies.namesOf(String.join(",", visible)),
                byStatus.stream().mapToLong(Count::count).sum(), byStatus, byTaskGroup, byLeadAgency, overdue,
                overdue.stream().mapToLong(Count::count).sum(), openRounds, failedMails);
    }

    /** Open tasks of recommendations past their due date, by the agency they wait on. */
    private List<Count> overdueByAgency(List<String> visible) {
        Date now = Date.from(clock.instant());
        return agencies.all().stream().map(Agency::code)
                .filter(code -> visible == null || visible.contains(code))
                .map(code -> new Count(code, agencies.namesOf(code), tasks.createTaskQuery()
                        .processDefinitionKey(RecommendationProcess.KEY).taskCandidateGroup(code).includeAssignedTasks()
                        .dueBefore(now).count()))
                .filter(c -> c.count() > 0)
                .sorted(Comparator.comparingLong(Count::count).reversed()).toList();
    }

}
