package vn.gov.mofa.upr.agencyplan;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * An agency's units as Camunda keeps them: groups of type {@value #TYPE} whose id is {@code <agency>.<unit>}, named
 * after the unit. Only read here; the units' own pages (agency/) create and change them.
 */
@Component
class AgencyUnits {

    static final String TYPE = "AGENCY_UNIT";

    private final IdentityService identity;

    AgencyUnits(IdentityService identity) {
        this.identity = identity;
    }

    /** Unit group id to unit name, by name. */
    Map<String, String> of(String agency) {
        Map<String, String> units = new LinkedHashMap<>();
        identity.createGroupQuery().groupType(TYPE).orderByGroupName().asc().list().stream()
                .filter(group -> group.getId().startsWith(agency + "."))
                .forEach(group -> units.put(group.getId(), nameOf(group)));
        return units;
    }

    private static String nameOf(Group group) {
        return group.getName() == null || group.getName().isBlank() ? group.getId() : group.getName();
    }
}
