package vn.gov.mofa.upr.agencyplan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

import vn.gov.mofa.upr.agency.AgencyUnits;
import vn.gov.mofa.upr.agency.Agency;
import vn.gov.mofa.upr.agencyplan.AgencyProgress.Cell;
import vn.gov.mofa.upr.agencyplan.AgencyProgress.GroupRow;
import vn.gov.mofa.upr.agencyplan.AgencyProgress.Line;
import vn.gov.mofa.upr.agencyplan.AgencyProgress.Selection;
import vn.gov.mofa.upr.agencyplan.AgencyProgress.UnitRow;
import vn.gov.mofa.upr.agencyplan.AgencyShare.Item;
import vn.gov.mofa.upr.delegation.UnitDelegation;
import vn.gov.mofa.upr.delegation.UnitDelegations;
import vn.gov.mofa.upr.recommendation.CurrentSteps;
import vn.gov.mofa.upr.recommendation.Recommendation;
import vn.gov.mofa.upr.system.PageTexts;
import vn.gov.mofa.upr.workflow.Deadlines;

/**
 * Puts an agency's progress view together from a handful of queries whatever its size: its share of the registry
 * with its tags, its delegations, its units, the plans approved and the open tasks of its recommendations.
 */
@Service
class AgencyProgressQueries {

    /** What a unit's figures count, as the address names it ({@code ?unit=mps.v02&measure=late}). */
    enum UnitMeasure {
        DELEGATED("delegated", "đã giao"), ACCEPTED("accepted", "đã được chấp nhận"),
        LATE("late", "quá hạn nội bộ, chưa trả lời"), RETURNED("returned", "đã bị trả lại");

        final String code;
        final String label;

        UnitMeasure(String code, String label) {
            this.code = code;
            this.label = label;
        }
    }

    /** What a group's figures count ({@code ?group=1&measure=plan}). */
    enum GroupMeasure {
        RECOMMENDATIONS("recommendations", "khuyến nghị"), PLAN_APPROVED("plan", "kế hoạch đã được phê duyệt"),
        REPORTS_APPROVED("reports", "đã có báo cáo được phê duyệt"), LATE("late", "đang chậm");

        final String code;
        final String label;

        GroupMeasure(String code, String label) {
            this.code = code;
            this.label = label;
        }
    }

    /** The group parameter of the untagged recommendations. */
    static final String NO_GROUP = "none";
    private static final int TEXT_SHOWN = 200;

    private final AgencyShare share;
    private final InternalGroups groups;
    private final AgencyUnits units;
    private final UnitDelegations delegations;
    private final PlanApprovals plans;
    private final CurrentSteps steps;
    private final Clock clock;
    private final PageTexts texts;

    AgencyProgressQueries(AgencyShare share, InternalGroups groups, AgencyUnits units, UnitDelegations delegations,
            PlanApprovals plans, CurrentSteps steps, Clock clock, PageTexts texts) {
        this.share = share;
        this.groups = groups;
        this.units = units;
        this.delegations = delegations;
        this.plans = plans;
        this.steps = steps;
        this.clock = clock;
        this.texts = texts;
    }

    /**
     * The agency's progress over one cycle (null: all); {@code unit} or {@code group} with {@code measure} selects the
     * list behind one figure (an unknown pair selects nothing).
     */
    AgencyProgress of(Agency agency, Integer cycle, String unit, String group, String measure) {
        LocalDate today = LocalDate.now(clock);
        List<Item> items = share.of(agency, cycle);
        Map<InternalGroups.Key, Recommendation> byKey = items.stream()
                .collect(Collectors.toMap(Item::key, Item::recommendation, (a, b) -> a, LinkedHashMap::new));
        List<UnitDelegation> delegated = delegations.ofAgency(agency.code()).stream()
                .filter(d -> cycle == null || d.cycle() == cycle).toList();
        Set<InternalGroups.Key> lateWithUnits = new HashSet<>();
        delegated.stream().filter(d -> lateAt(d, today)).forEach(d -> lateWithUnits.add(new InternalGroups.Key(d.cycle(), d.number())));
        Links links = new Links(agency.code(), cycle);

        List<UnitRow> unitRows = new ArrayList<>();
        Map<String, String> unitNames = unitNames(agency.code());
        delegated.forEach(d -> unitNames.putIfAbsent(d.unitGroup(), d.unitGroup())); // a unit removed since keeps its rows
        unitNames.forEach((id, name) -> {
            List<UnitDelegation> own = delegated.stream().filter(d -> d.unitGroup().equals(id)).toList();
            Function<UnitMeasure, Cell> cell = m -> cell(links.unit(id, m), own.stream().filter(unitTest(m, today))
                    .map(d -> line(d, byKey.get(new InternalGroups.Key(d.cycle(), d.number())))).toList());
            unitRows.add(new UnitRow(id, name, cell.apply(UnitMeasure.DELEGATED), cell.apply(UnitMeasure.ACCEPTED),
                    cell.apply(UnitMeasure.LATE), cell.apply(UnitMeasure.RETURNED)));
        });

        Set<String> planApproved = plans.approvedAmong(items.stream().map(i -> i.recommendation().processInstanceId())
                .filter(Objects::nonNull).toList());
        Set<String> lateAtTheAgency = new HashSet<>();
        steps.of(items.stream().map(Item::recommendation).toList()).forEach((instance, open) -> {
            if (open.stream().anyMatch(s -> s.overdue() && agency.code().equals(s.holder()))) {
                lateAtTheAgency.add(instance);
            }
        });
        List<GroupRow> groupRows = new ArrayList<>();
        List<InternalGroup> all = new ArrayList<>(groups.of(agency.code()));
        all.add(InternalGroup.NONE);
        for (InternalGroup g : all) {
            String param = g == InternalGroup.NONE ? NO_GROUP : g.code();
            List<Item> in = items.stream().filter(i -> g == InternalGroup.NONE ? i.group() == null : g.code().equals(i.group())).toList();
            if (g == InternalGroup.NONE && in.isEmpty()) {
                continue;
            }
            Map<GroupMeasure, Predicate<Item>> tests = Map.of(
                    GroupMeasure.RECOMMENDATIONS, i -> true,
                    GroupMeasure.PLAN_APPROVED, i -> planApproved.contains(i.recommendation().processInstanceId()),
                    GroupMeasure.REPORTS_APPROVED, i -> i.recommendation().implementationStatus() != null,
                    GroupMeasure.LATE, i -> lateAtTheAgency.contains(i.recommendation().processInstanceId())
                            || lateWithUnits.contains(i.key()));
            Function<GroupMeasure, Cell> cell = m -> cell(links.group(param, m),
                    in.stream().filter(tests.get(m)).map(i -> line(i)).toList());
            groupRows.add(new GroupRow(g.code(), g.name(), cell.apply(GroupMeasure.RECOMMENDATIONS),
                    cell.apply(GroupMeasure.PLAN_APPROVED), cell.apply(GroupMeasure.REPORTS_APPROVED), cell.apply(GroupMeasure.LATE)));
        }
        List<Integer> cycles = cycle == null ? items.stream().map(i -> i.recommendation().cycle()).distinct().sorted().toList()
                : share.cycles(agency);
        return new AgencyProgress(agency.code(), agency.nameVi(), cycle, cycles, unitRows, groupRows,
                selection(unit, group, measure, unitRows, groupRows));
    }

    private Selection selection(String unit, String group, String measure, List<UnitRow> unitRows, List<GroupRow> groupRows) {
        if (measure == null) {
            return null;
        }
        for (UnitRow row : unitRows) {
            if (row.unit().equals(unit)) {
                for (UnitMeasure m : UnitMeasure.values()) {
                    if (m.code.equals(measure)) {
                        Cell cell = switch (m) {
                            case DELEGATED -> row.delegated();
                            case ACCEPTED -> row.accepted();
                            case LATE -> row.late();
                            case RETURNED -> row.returned();
                        };
                        return new Selection(texts.text("progress.selection.unit", "Phần việc giao cho {0} {1}", row.name(),
                                texts.label(m, m.label)), cell.lines());
                    }
                }
            }
        }
        for (GroupRow row : groupRows) {
            if ((row.code().isEmpty() ? NO_GROUP : row.code()).equals(group)) {
                for (GroupMeasure m : GroupMeasure.values()) {
                    if (m.code.equals(measure)) {
                        Cell cell = switch (m) {
                            case RECOMMENDATIONS -> row.recommendations();
                            case PLAN_APPROVED -> row.planApproved();
                            case REPORTS_APPROVED -> row.reportsApproved();
                            case LATE -> row.late();
                        };
                        return new Selection(row.name() + ": " + texts.label(m, m.label), cell.lines());
                    }
                }
            }
        }
        return null;
    }

    private static Predicate<UnitDelegation> unitTest(UnitMeasure m, LocalDate today) {
        return switch (m) {
            case DELEGATED -> d -> true;
            case ACCEPTED -> UnitDelegation::accepted;
            case LATE -> d -> lateAt(d, today);
            case RETURNED -> d -> d.timesReturned() > 0;
        };
    }

    /** Past its internal deadline and not answered (a part the agency closed itself is not late). */
    private static boolean lateAt(UnitDelegation d, LocalDate today) {
        return UnitDelegation.ASSIGNED.equals(d.status()) && d.internalDue().isBefore(today);
    }

    private static Cell cell(String link, List<Line> lines) {
        return new Cell(lines.size(), link, lines);
    }

    private Line line(Item item) {
        Recommendation r = item.recommendation();
        String role = item.leads() ? texts.text("progress.leads", "Chủ trì") : texts.text("progress.coordinates", "Phối hợp");
        return new Line(r.cycle(), r.number(), shown(r), role, caseUrl(r.cycle(), r.number()));
    }

    private Line line(UnitDelegation d, Recommendation r) {
        String status = switch (d.status()) {
            case UnitDelegation.ACCEPTED -> texts.text("progress.part.accepted", "đã được chấp nhận");
            case UnitDelegation.CLOSED -> texts.text("progress.part.closed", "đã khép lại (cơ quan đã gửi phần của mình)");
            default -> texts.text("progress.part.open", "chưa trả lời");
        };
        String detail = texts.text("progress.part", "Phần {0} · hạn nội bộ {1} · {2}", texts.label(d.part(), d.part().label()),
                Deadlines.format(d.internalDue()), status)
                + (d.timesReturned() > 0 ? texts.text("progress.part.returned", " · bị trả lại {0} lần", d.timesReturned()) : "");
        return new Line(d.cycle(), d.number(), r == null ? "" : shown(r), detail, caseUrl(d.cycle(), d.number()));
    }

    private static String shown(Recommendation r) {
        String text = r.textVi() != null && !r.textVi().isBlank() ? r.textVi() : r.text();
        return text.length() <= TEXT_SHOWN ? text : text.substring(0, TEXT_SHOWN - 1) + "…";
    }

    private static String caseUrl(int cycle, String number) {
        return UriComponentsBuilder.fromPath("/recommendations/{cycle}/{number}").buildAndExpand(cycle, number).encode().toUriString();
    }

    /** The addresses of the lists behind the figures. */
    private record Links(String agency, Integer cycle) {

        String unit(String unit, UnitMeasure m) {
            return base().queryParam("unit", unit).queryParam("measure", m.code).encode().toUriString();
        }

        String group(String group, GroupMeasure m) {
            return base().queryParam("group", group).queryParam("measure", m.code).encode().toUriString();
        }

        private UriComponentsBuilder base() {
            UriComponentsBuilder b = UriComponentsBuilder.fromPath("/agencies/" + agency + "/progress");
            return cycle == null ? b : b.queryParam("cycle", cycle);
        }
    }

    /** The agency's units, group id to name. */
    private Map<String, String> unitNames(String agency) {
        Map<String, String> names = new LinkedHashMap<>();
        units.of(agency).forEach(unit -> names.put(unit.groupId(), unit.name() == null ? unit.groupId() : unit.name()));
        return names;
    }
}
