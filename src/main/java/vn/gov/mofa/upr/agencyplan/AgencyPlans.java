package vn.gov.mofa.upr.agencyplan;

import static vn.gov.mofa.upr.workflow.RecommendationProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;

import vn.gov.mofa.upr.agency.AgencyUnits;
import vn.gov.mofa.upr.agency.Agency;
import vn.gov.mofa.upr.agency.AgencyDirectory;
import vn.gov.mofa.upr.agencyplan.AgencyPlan.Row;
import vn.gov.mofa.upr.agencyplan.AgencyPlan.Section;
import vn.gov.mofa.upr.agencyplan.AgencyShare.Item;
import vn.gov.mofa.upr.delegation.DelegatedPart;
import vn.gov.mofa.upr.delegation.UnitDelegation;
import vn.gov.mofa.upr.delegation.UnitDelegations;
import vn.gov.mofa.upr.recommendation.Recommendation;
import vn.gov.mofa.upr.workflow.Deadlines;

/**
 * An agency's own plan of one cycle, from its share of the registry, its tags, its plan delegations and the plans in
 * the recommendations' instances (the last values, in history: one query for all of them).
 */
@Service
class AgencyPlans {

    private static final List<String> PLAN = List.of(VAR_FOCAL_POINT_NAME, VAR_FOCAL_POINT_PHONE, VAR_FOCAL_POINT_EMAIL,
            VAR_PLAN_ACTIONS, VAR_PLAN_DEADLINE, VAR_EXPECTED_OUTPUT);

    private final AgencyShare share;
    private final InternalGroups groups;
    private final AgencyUnits units;
    private final UnitDelegations delegations;
    private final PlanApprovals approvals;
    private final AgencyDirectory agencies;
    private final HistoryService history;
    private final Clock clock;

    AgencyPlans(AgencyShare share, InternalGroups groups, AgencyUnits units, UnitDelegations delegations,
            PlanApprovals approvals, AgencyDirectory agencies, HistoryService history, Clock clock) {
        this.share = share;
        this.groups = groups;
        this.units = units;
        this.delegations = delegations;
        this.approvals = approvals;
        this.agencies = agencies;
        this.history = history;
        this.clock = clock;
    }

    /** The latest cycle in which the agency has work, or null when it has none. */
    Integer latestCycle(Agency agency) {
        List<Integer> cycles = share.cycles(agency);
        return cycles.isEmpty() ? null : cycles.get(cycles.size() - 1);
    }

    AgencyPlan of(Agency agency, int cycle) {
        List<Item> items = share.of(agency, cycle);
        List<String> instances = items.stream().map(i -> i.recommendation().processInstanceId()).filter(Objects::nonNull).toList();
        Map<String, Map<String, Object>> plans = plans(instances);
        Set<String> approved = approvals.approvedAmong(instances);
        Map<String, String> unitNames = unitNames(agency.code());
        Map<InternalGroups.Key, List<UnitDelegation>> delegated = delegations.ofAgency(agency.code()).stream()
                .filter(d -> d.cycle() == cycle)
                .sorted(Comparator.comparing(UnitDelegation::id))
                .collect(Collectors.groupingBy(d -> new InternalGroups.Key(d.cycle(), d.number()), LinkedHashMap::new, Collectors.toList()));

        List<InternalGroup> sections = new ArrayList<>(groups.of(agency.code()));
        sections.add(InternalGroup.NONE);
        List<Section> result = new ArrayList<>();
        for (InternalGroup group : sections) {
            List<Row> rows = items.stream()
                    .filter(i -> group == InternalGroup.NONE ? i.group() == null : group.code().equals(i.group()))
                    .map(i -> row(agency, i, plans.getOrDefault(i.recommendation().processInstanceId(), Map.of()),
                            approved.contains(i.recommendation().processInstanceId()),
                            delegated.getOrDefault(i.key(), List.of()), unitNames))
                    .toList();
            if (!rows.isEmpty() || group != InternalGroup.NONE) {
                result.add(new Section(group, rows));
            }
        }
        return new AgencyPlan(agency, cycle, LocalDate.now(clock), result);
    }

    private Row row(Agency agency, Item item, Map<String, Object> plan, boolean approved, List<UnitDelegation> delegated,
            Map<String, String> unitNames) {
        Recommendation r = item.recommendation();
        // the lead's units prepare its plan; a coordinating agency's units its contribution
        DelegatedPart part = item.leads() ? DelegatedPart.PLAN : DelegatedPart.CONTRIBUTION;
        List<UnitDelegation> own = delegated.stream().filter(d -> d.part() == part).toList();
        List<String> responsible = own.stream().map(d -> unitNames.getOrDefault(d.unitGroup(), d.unitGroup())).distinct().toList();
        if (responsible.isEmpty()) {
            responsible = List.of(agency.nameVi() + " (đầu mối)");
        }
        String tasks = item.leads() ? text(plan.get(VAR_PLAN_ACTIONS)) : "";
        if (tasks.isEmpty()) {
            tasks = own.stream().map(d -> (own.size() > 1 ? unitNames.getOrDefault(d.unitGroup(), d.unitGroup()) + ": " : "") + d.tasks())
                    .collect(Collectors.joining("\n"));
        }
        String output = item.leads() ? text(plan.get(VAR_EXPECTED_OUTPUT)) : "";
        if (output.isEmpty()) {
            output = own.stream().map(UnitDelegation::expectedOutput).filter(o -> o != null && !o.isBlank()).distinct()
                    .collect(Collectors.joining("\n"));
        }
        String internal = own.stream().map(UnitDelegation::internalDue).min(Comparator.naturalOrder())
                .map(d -> "Hạn nội bộ: " + Deadlines.format(d)).orElse("");
        String planDeadline = item.leads() ? text(plan.get(VAR_PLAN_DEADLINE)) : "";
        String deadline = Stream.of(internal, planDeadline.isEmpty() ? "" : "Hạn hoàn thành: " + onScreen(planDeadline))
                .filter(s -> !s.isEmpty()).collect(Collectors.joining("\n"));
        String focal = Stream.of(text(plan.get(VAR_FOCAL_POINT_NAME)), text(plan.get(VAR_FOCAL_POINT_PHONE)),
                text(plan.get(VAR_FOCAL_POINT_EMAIL))).filter(s -> !s.isEmpty()).collect(Collectors.joining(", "));
        String role = item.leads() ? "Chủ trì" : "Phối hợp (chủ trì: " + agencies.namesOf(r.leadAgency()) + ")";
        String text = r.textVi() != null && !r.textVi().isBlank() ? r.textVi() : r.text();
        return new Row(r.number(), text, role, responsible, focal, tasks, deadline, output, approved);
    }

    /** The plan's variables of each instance, as last written (process scope), by instance id. */
    private Map<String, Map<String, Object>> plans(List<String> instances) {
        Map<String, Map<String, Object>> plans = new HashMap<>();
        if (instances.isEmpty()) {
            return plans;
        }
        for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(instances.toArray(String[]::new)).variableNameIn(PLAN.toArray(String[]::new))
                .disableCustomObjectDeserialization().list()) {
            if (v.getTaskId() == null && v.getProcessInstanceId().equals(v.getActivityInstanceId())) {
                plans.computeIfAbsent(v.getProcessInstanceId(), id -> new HashMap<>()).put(v.getName(), v.getValue());
            }
        }
        return plans;
    }

    private static String onScreen(String isoDate) {
        try {
            return Deadlines.format(Deadlines.parse(isoDate));
        } catch (IllegalArgumentException e) {
            return isoDate;
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().strip();
    }

    /** The agency's units, group id to name. */
    private Map<String, String> unitNames(String agency) {
        Map<String, String> names = new LinkedHashMap<>();
        units.of(agency).forEach(unit -> names.put(unit.groupId(), unit.name() == null ? unit.groupId() : unit.name()));
        return names;
    }
}
