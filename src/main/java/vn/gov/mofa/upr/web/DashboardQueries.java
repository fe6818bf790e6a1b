package vn.gov.mofa.upr.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import vn.gov.mofa.upr.agency.AgencyDirectory;
import vn.gov.mofa.upr.agency.TaskGroups;
import vn.gov.mofa.upr.notification.MailOutbox;
import vn.gov.mofa.upr.recommendation.Change;
import vn.gov.mofa.upr.recommendation.CurrentSteps;
import vn.gov.mofa.upr.recommendation.RecommendationFilter;
import vn.gov.mofa.upr.recommendation.RecommendationRegistry;
import vn.gov.mofa.upr.recommendation.RecommendationRegistry.Breakdown;
import vn.gov.mofa.upr.reporting.ImplementationStatus;
import vn.gov.mofa.upr.reporting.ReportingRounds;
import vn.gov.mofa.upr.security.CurrentUser;
import vn.gov.mofa.upr.system.PageTexts;
import vn.gov.mofa.upr.web.Dashboard.Count;
import vn.gov.mofa.upr.web.Dashboard.Late;
import vn.gov.mofa.upr.web.Dashboard.Row;
import vn.gov.mofa.upr.web.Dashboard.Share;
import vn.gov.mofa.upr.web.Dashboard.StatusTable;

/**
 * Computes the dashboard for one user: MOFA sees every agency, an agency's users their own work only (the registry's
 * reading rule, {@link CurrentUser#visibleAgencies}). Each figure is the list's question ({@link RecommendationListQuery})
 * asked of the same filter, so the number shown is the number of rows its link lists.
 */
@Service
public class DashboardQueries {

    /** The late tasks listed one by one; the rest are in the list the heading links to. */
    static final int LATE_TASKS_SHOWN = 50;
    /** What "changed since" looks back over when the director has not chosen a day. */
    static final int DEFAULT_DAYS_BACK = 7;

    private final RecommendationRegistry registry;
    private final CurrentSteps currentSteps;
    private final AgencyDirectory agencies;
    private final TaskGroups taskGroups;
    private final ReportingRounds rounds;
    private final MailOutbox outbox;
    private final Clock clock;
    private final PageTexts texts;

    public DashboardQueries(RecommendationRegistry registry, CurrentSteps currentSteps, AgencyDirectory agencies,
            TaskGroups taskGroups, ReportingRounds rounds, MailOutbox outbox, Clock clock, PageTexts texts) {
        this.registry = registry;
        this.currentSteps = currentSteps;
        this.agencies = agencies;
        this.taskGroups = taskGroups;
        this.rounds = rounds;
        this.outbox = outbox;
        this.clock = clock;
        this.texts = texts;
    }

    public Dashboard forUser(CurrentUser user, Integer cycle, LocalDate since) {
        var lists = new Lists(user.visibleAgencies(), cycle);
        LocalDate from = since != null ? since : LocalDate.now(clock).minusDays(DEFAULT_DAYS_BACK);
        List<Count> byStatus = registry.count(lists.filter(Map.of()), Breakdown.STATUS).entrySet().stream()
                .map(e -> {
                    String status = ImplementationStatus.of(e.getKey().get(0)).name();
                    return lists.count(status, Map.of("status", status), statusLabel(ImplementationStatus.valueOf(status)), e.getValue());
                })
                .sorted(Comparator.comparing(c -> ImplementationStatus.valueOf(c.key()))).toList();
        StatusTable byLead = statusTable(lists, Breakdown.LEAD_AGENCY, "lead",
                code -> code.isEmpty() ? texts.text("dashboard.count.unassigned", "Chưa phân công") : agencies.namesOf(code), true);
        StatusTable byGroup = statusTable(lists, Breakdown.TASK_GROUP, "group", code -> taskGroups.byCode(code)
                .map(g -> texts.text("dashboard.count.group", "Nhóm") + " " + g.code() + ". " + g.nameVi())
                .orElse(texts.text("dashboard.count.noGroup", "Chưa phân nhóm")), false);
        // an agency's users see the late work of their own agency, as in their inbox
        List<String> holders = user.seesEverything() ? null : user.agencies();
        RecommendationFilter all = lists.filter(Map.of());
        List<Count> overdueByAgency = currentSteps.lateByHolder(all, holders).entrySet().stream()
                .map(e -> lists.count(e.getKey(), Map.of("overdue", "true", "waiting", e.getKey()), agencies.namesOf(e.getKey()),
                        e.getValue()))
                .sorted(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::label)).toList();
        List<Late> late = currentSteps.late(all, holders, LATE_TASKS_SHOWN).stream()
                .map(t -> new Late(t, t.holder() == null ? "" : agencies.namesOf(t.holder()),
                        "/recommendations/" + t.cycle() + "/" + t.number(), t.step() == null ? t.name() : texts.label(t.step(), t.step().label())))
                .toList();
        List<Count> changes = Arrays.stream(Change.values())
                .map(c -> lists.counted(c.code(), Map.of("change", c.code(), "since", from.toString()), texts.label(c, c.label()))).toList();
        Long failedMails = user.isMofaOfficer() ? outbox.countByStatus().getOrDefault(MailOutbox.Status.FAILED, 0L) : null;
        List<String> visible = user.visibleAgencies();
        return new Dashboard(visible == null ? texts.text("dashboard.count.allAgencies", "Tất cả các cơ quan") : agencies.namesOf(String.join(",", visible)), cycle,
                registry.cycles(), from, lists.counted("tracked", Map.of(), texts.text("dashboard.count.tracked", "Khuyến nghị đang theo dõi")),
                lists.counted("overdue", Map.of("overdue", "true"), texts.text("dashboard.count.withOverdue", "Khuyến nghị có việc quá hạn")), byStatus, byLead, byGroup,
                overdueByAgency, late, LATE_TASKS_SHOWN, changes, rounds.openWithProgress(visible),
                rounds.closedWithProgress(visible), failedMails);
    }

    private String statusLabel(ImplementationStatus status) {
        return texts.either(status.label(), status.english());
    }

    /** Rows of one breakdown, split by status; a row without value (no lead agency, no task group) is the list's "none". */
    private StatusTable statusTable(Lists lists, Breakdown rows, String parameter, Function<String, String> label,
            boolean largestFirst) {
        Map<String, Map<ImplementationStatus, Long>> counts = new LinkedHashMap<>();
        registry.count(lists.filter(Map.of()), rows, Breakdown.STATUS).forEach((key, n) -> counts
                .computeIfAbsent(key.get(0), k -> new HashMap<>()).put(ImplementationStatus.of(key.get(1)), n));
        List<Row> table = counts.entrySet().stream().map(e -> {
            String value = e.getKey().isEmpty() ? RecommendationFilter.NONE : e.getKey();
            long total = e.getValue().values().stream().mapToLong(Long::longValue).sum();
            List<Share> cells = Arrays.stream(ImplementationStatus.values())
                    .map(s -> Share.of(lists.count(s.name(), Map.of(parameter, value, "status", s.name()), statusLabel(s),
                            e.getValue().getOrDefault(s, 0L)), total))
                    .toList();
            return new Row(lists.count(e.getKey(), Map.of(parameter, value), label.apply(e.getKey()), total), cells);
        }).sorted(largestFirst ? Comparator.comparingLong((Row r) -> r.total().count()).reversed()
                : Comparator.comparing((Row r) -> r.total().key().isEmpty() ? "~" : r.total().key())).toList();
        return new StatusTable(Arrays.stream(ImplementationStatus.values()).map(this::statusLabel).toList(), table);
    }

    /** The list's questions over the dashboard's scope: the tracked recommendations of the chosen cycle the user may see. */
    private final class Lists {

        private final List<String> visible;
        private final Map<String, String> base = new HashMap<>();

        Lists(List<String> visible, Integer cycle) {
            this.visible = visible;
            base.put("tracked", "true");
            if (cycle != null) {
                base.put("cycle", cycle.toString());
            }
        }

        RecommendationListQuery query(Map<String, String> narrowing) {
            Map<String, String> params = new HashMap<>(base);
            params.putAll(narrowing);
            return RecommendationListQuery.of(params);
        }

        RecommendationFilter filter(Map<String, String> narrowing) {
            return query(narrowing).filter(visible);
        }

        /** A figure counted elsewhere (a breakdown), with the list that shows it. */
        Count count(String key, Map<String, String> narrowing, String label, long count) {
            return new Count(key, label, count, query(narrowing).link("/recommendations", 1));
        }

        /** A figure counted here, by the list's own count. */
        Count counted(String key, Map<String, String> narrowing, String label) {
            return count(key, narrowing, label, registry.count(filter(narrowing)));
        }
    }
}
