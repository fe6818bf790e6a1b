package vn.gov.mofa.upr.delegation;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

import vn.gov.mofa.upr.agency.AgencyDirectory;

/**
 * The units a delegation goes to: the multi-instance collection of [UnitWork] and the units' names for the forms.
 * A unit is a Camunda group {@code <agency>.<unit>} of type {@value #GROUP_TYPE}.
 */
@Component("delegationUnits")
public class DelegationUnits {

    public static final String GROUP_TYPE = "AGENCY_UNIT";

    private final IdentityService identity;

    DelegationUnits(IdentityService identity) {
        this.identity = identity;
    }

    /** The multi-instance collection: one element per unit group. */
    public List<String> of(Object units) {
        return AgencyDirectory.codesOf(units);
    }

    public String name(String unitGroup) {
        Group group = identity.createGroupQuery().groupId(unitGroup).singleResult();
        return group == null || group.getName() == null ? unitGroup : group.getName();
    }

    /** Whether {@code unitGroup} is one of {@code agency}'s units. */
    boolean isUnitOf(String unitGroup, String agency) {
        return unitGroup.startsWith(agency + ".")
                && identity.createGroupQuery().groupId(unitGroup).groupType(GROUP_TYPE).count() == 1;
    }
}
