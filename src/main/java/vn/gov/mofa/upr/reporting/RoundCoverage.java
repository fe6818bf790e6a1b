package vn.gov.mofa.upr.reporting;

/**
 * What a round covers of the recommendations in its scope: how many are asked for their report now, how many wait for
 * their plan to be approved before they are asked (only when MOFA chose {@code includeOpenPlans}), and how many are
 * left out and why. MOFA sees it before opening a round and on the round's page afterwards.
 *
 * @param requested asked now: they were waiting for a round
 * @param awaitingPlan their plan is still open and MOFA included them: asked once the plan is approved
 * @param noAgencies left out: no lead agency assigned yet
 * @param planOpen left out: the plan is being prepared, under review or returned (0 when they are included)
 * @param closed left out: fully implemented, or closed with their cycle
 * @param inOtherRound left out: another round asked for their report and is still waiting for it
 */
public record RoundCoverage(boolean includeOpenPlans, int requested, int awaitingPlan, int noAgencies, int planOpen,
        int closed, int inOtherRound) {

    public int inScope() {
        return requested + awaitingPlan + leftOut();
    }

    public int leftOut() {
        return noAgencies + planOpen + closed + inOtherRound;
    }
}
