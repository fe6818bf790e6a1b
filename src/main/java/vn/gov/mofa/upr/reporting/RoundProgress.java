package vn.gov.mofa.upr.reporting;

/**
 * Where a round stands: reports requested, and how many are now submitted (awaiting MOFA), returned for revision,
 * approved, and missing (requested or returned: the agency still owes one).
 */
public record RoundProgress(int requested, int submitted, int returned, int approved) {

    public int missing() {
        return requested - submitted - approved;
    }
}
