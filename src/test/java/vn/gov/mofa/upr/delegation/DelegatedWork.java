package vn.gov.mofa.upr.delegation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Test fixture: rows of {@code unit_delegation} as the delegation process writes them (UnitDelegations' writes are
 * package-private), for the tests of what reads them.
 */
public final class DelegatedWork {

    private final UnitDelegations delegations;

    public DelegatedWork(UnitDelegations delegations) {
        this.delegations = delegations;
    }

    /** The agency asks {@code unit} for {@code part} of the recommendation, by {@code internalDue}. */
    public void assign(String delegationInstance, String recommendationInstance, int cycle, String number, String agency,
            String unit, DelegatedPart part, String tasks, String expectedOutput, LocalDate internalDue) {
        delegations.add(new UnitDelegation(0, delegationInstance, recommendationInstance, cycle, number, agency, unit, part,
                null, tasks, expectedOutput, internalDue, UnitDelegation.ASSIGNED, 0, null, null, null, agency + ".focal",
                Instant.now()));
    }

    public void returnAnswer(String delegationInstance, String unit) {
        delegations.returned(delegationInstance, unit);
    }

    public void accept(String delegationInstance, String unit, String answer) {
        delegations.accepted(delegationInstance, unit, answer, unit + ".staff", Instant.now());
    }
}
