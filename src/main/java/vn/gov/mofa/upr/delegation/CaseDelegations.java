package vn.gov.mofa.upr.delegation;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;

import vn.gov.mofa.upr.agency.AgencyUnit;
import vn.gov.mofa.upr.agency.AgencyUnits;

/** What the case page shows of a recommendation's delegated work, and which units a focal point may hand work to. */
@Service
public class CaseDelegations {

    /** One unit's share as the case page lists it; {@code status} names its text {@code delegation.status.<status>}. */
    public record Row(String unitName, DelegatedPart part, String tasks, String expectedOutput, LocalDate internalDue,
            String status, int timesReturned, String answer) {
    }

    private final UnitDelegations delegations;
    private final DelegationUnits units;
    private final AgencyUnits agencyUnits;

    CaseDelegations(UnitDelegations delegations, DelegationUnits units, AgencyUnits agencyUnits) {
        this.delegations = delegations;
        this.units = units;
        this.agencyUnits = agencyUnits;
    }

    public List<Row> of(int cycle, String number) {
        return delegations.ofRecommendation(cycle, number).stream().map(d -> new Row(units.name(d.unitGroup()),
                d.part(), d.tasks(), d.expectedOutput(), d.internalDue(), statusOf(d), d.timesReturned(),
                d.accepted() ? d.answer() : null)).toList();
    }

    /** The units of the agencies among {@code groups} (a focal point's own agency). */
    public List<AgencyUnit> unitsOf(List<String> groups) {
        return groups.stream().filter(group -> !group.contains(".")).flatMap(agency -> agencyUnits.of(agency).stream()).toList();
    }

    private static String statusOf(UnitDelegation d) {
        return switch (d.status()) {
            case UnitDelegation.ACCEPTED -> "accepted";
            case UnitDelegation.CLOSED -> "closed";
            default -> "open";
        };
    }
}
