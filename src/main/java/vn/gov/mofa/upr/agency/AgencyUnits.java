package vn.gov.mofa.upr.agency;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The agencies' units as Camunda's identity holds them (groups of type {@value AgencyUnit#GROUP_TYPE}): the one home
 * of who belongs to which unit. Reads without the caller's authorizations: a process step run for a unit's person (who
 * may read only their own group) must still see the agency's units.
 */
@Component
public class AgencyUnits {

    private final IdentityService identity;
    private final AgencyDirectory agencies;

    public AgencyUnits(IdentityService identity, AgencyDirectory agencies) {
        this.identity = identity;
        this.agencies = agencies;
    }

    /** The agency's units, by code. */
    public List<AgencyUnit> of(String agency) {
        return unchecked(() -> identity.createGroupQuery().groupType(AgencyUnit.GROUP_TYPE).list()).stream()
                .map(this::unitOf).flatMap(Optional::stream).filter(unit -> unit.agency().equals(agency))
                .sorted(Comparator.comparing(AgencyUnit::code)).toList();
    }

    /** The unit whose Camunda group this is; empty for any other group (an agency, its leaders, camunda-admin). */
    public Optional<AgencyUnit> unit(String groupId) {
        if (groupId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(unchecked(() -> identity.createGroupQuery().groupId(groupId)
                .groupType(AgencyUnit.GROUP_TYPE).singleResult())).flatMap(this::unitOf);
    }

    public boolean isUnitOf(String groupId, String agency) {
        return unit(groupId).filter(unit -> unit.agency().equals(agency)).isPresent();
    }

    /** The units a user belongs to (usually one). */
    public List<AgencyUnit> unitsOf(String userId) {
        return unchecked(() -> identity.createGroupQuery().groupMember(userId).groupType(AgencyUnit.GROUP_TYPE).list())
                .stream().map(this::unitOf).flatMap(Optional::stream).sorted(Comparator.comparing(AgencyUnit::groupId)).toList();
    }

    /** The agency whose unit(s) the user works in; empty for someone in no unit. */
    public Optional<String> agencyOf(String userId) {
        return unitsOf(userId).stream().map(AgencyUnit::agency).findFirst();
    }

    /** A unit group's id is {@code <agency>.<code>} with a known agency; a group not shaped so is no unit. */
    private Optional<AgencyUnit> unitOf(Group group) {
        int dot = group.getId().indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String agency = group.getId().substring(0, dot);
        String code = group.getId().substring(dot + 1);
        return agencies.byCode(agency).filter(known -> AgencyUnit.isValidCode(code))
                .map(known -> new AgencyUnit(agency, code, group.getName()));
    }

    /**
     * The query as the application, not as the engine's current user: their authorizations would hide other units and
     * their query-max-results-limit would refuse an unbounded list. Inside a command too (the engine reads the current
     * user from the identity service).
     */
    private <T> T unchecked(Supplier<T> query) {
        Authentication caller = identity.getCurrentAuthentication();
        if (caller == null) {
            return query.get();
        }
        identity.clearAuthentication();
        try {
            return query.get();
        } finally {
            identity.setAuthentication(caller);
        }
    }
}
