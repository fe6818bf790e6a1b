package vn.gov.mofa.upr.delegation;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;

/** What the case page shows of a recommendation's delegated work, and which units a focal point may hand work to. */
@Service
public class CaseDelegations {

    /** One unit's share as the case page lists it. */
    public record Row(String unitName, String part, String tasks, String expectedOutput, LocalDate internalDue,
            String status, int timesReturned, String answer) {
    }

    /** A unit a focal point may choose. */
    public record Unit(String group, String name) {
    }

    private final UnitDelegations delegations;
    private final DelegationUnits units;
    private final IdentityService identity;

    CaseDelegations(UnitDelegations delegations, DelegationUnits units, IdentityService identity) {
        this.delegations = delegations;
        this.units = units;
        this.identity = identity;
    }

    public List<Row> of(int cycle, String number) {
        return delegations.ofRecommendation(cycle, number).stream().map(d -> new Row(units.name(d.unitGroup()),
                d.part().label(), d.tasks(), d.expectedOutput(), d.internalDue(), statusOf(d), d.timesReturned(),
                d.accepted() ? d.answer() : null)).toList();
    }

    /** The units of the agencies among {@code groups} (a focal point's own agency). */
    public List<Unit> unitsOf(List<String> groups) {
        return identity.createGroupQuery().groupType(DelegationUnits.GROUP_TYPE).orderByGroupName().asc().list().stream()
                .filter(g -> groups.stream().anyMatch(agency -> g.getId().startsWith(agency + ".")))
                .map(g -> new Unit(g.getId(), g.getName())).toList();
    }

    private static String statusOf(UnitDelegation d) {
        return switch (d.status()) {
            case UnitDelegation.ACCEPTED -> "Đã tiếp nhận";
            case UnitDelegation.CLOSED -> "Khép lại (cơ quan đã gửi phần của mình)";
            default -> "Đang thực hiện";
        };
    }
}
