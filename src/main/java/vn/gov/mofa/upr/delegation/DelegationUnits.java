package vn.gov.mofa.upr.delegation;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.gov.mofa.upr.agency.AgencyDirectory;
import vn.gov.mofa.upr.agency.AgencyUnit;
import vn.gov.mofa.upr.agency.AgencyUnits;

/** The units a delegation goes to: the multi-instance collection of [UnitWork] and the units' names for the forms. */
@Component("delegationUnits")
public class DelegationUnits {

    private final AgencyUnits units;

    DelegationUnits(AgencyUnits units) {
        this.units = units;
    }

    /** The multi-instance collection: one element per unit group. */
    public List<String> of(Object unitGroups) {
        return AgencyDirectory.codesOf(unitGroups);
    }

    public String name(String unitGroup) {
        return units.unit(unitGroup).map(AgencyUnit::name).filter(name -> name != null && !name.isBlank()).orElse(unitGroup);
    }

    boolean isUnitOf(String unitGroup, String agency) {
        return units.isUnitOf(unitGroup, agency);
    }
}
