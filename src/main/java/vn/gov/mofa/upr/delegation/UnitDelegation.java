package vn.gov.mofa.upr.delegation;

import java.time.Instant;
import java.time.LocalDate;

/** One unit's share of a delegated part, as table {@code unit_delegation} keeps it. */
public record UnitDelegation(long id, String delegationInstance, String recommendationInstance, int cycle,
        String number, String agency, String unitGroup, DelegatedPart part, String roundId, String tasks,
        String expectedOutput, LocalDate internalDue, String status, int timesReturned, String answer,
        String answeredBy, Instant acceptedAt, String delegatedBy, Instant delegatedAt) {

    public static final String ASSIGNED = "ASSIGNED";
    public static final String ACCEPTED = "ACCEPTED";
    /** The agency sent its own part before the unit answered: the unit's task was closed. */
    public static final String CLOSED = "CLOSED";

    public boolean accepted() {
        return ACCEPTED.equals(status);
    }
}
