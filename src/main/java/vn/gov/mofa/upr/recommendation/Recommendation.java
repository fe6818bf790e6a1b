package vn.gov.mofa.upr.recommendation;

import java.time.LocalDate;
import java.util.List;

/**
 * A recommendation in the registry, keyed by (cycle, number). {@code tracked} ones (supported) run as a
 * process instance; noted ones are registered only. {@code annexNote} keeps what the annex said that no field holds —
 * agencies named by no one in particular ("các bộ, ngành liên quan"), a deadline that is none ("Thường xuyên") — for
 * MOFA when it assigns and for the agency.
 */
public record Recommendation(int cycle, String number, String text, String textVi, List<String> recommendingStates,
        String response, String sourceOfPosition, List<String> themes, List<String> sdgs, List<String> affectedPersons,
        String taskGroup, String leadAgency, List<String> coordinatingAgencies, boolean assignmentConfirmed,
        LocalDate planDueDate, LocalDate dueDate, boolean tracked, String processInstanceId,
        String implementationStatus, String finalStatus, String annexNote) {

    /** The same recommendation, followed by the given process instance. */
    public Recommendation followedBy(String instanceId) {
        return new Recommendation(cycle, number, text, textVi, recommendingStates, response, sourceOfPosition, themes, sdgs,
                affectedPersons, taskGroup, leadAgency, coordinatingAgencies, assignmentConfirmed, planDueDate, dueDate,
                tracked, instanceId, implementationStatus, finalStatus, annexNote);
    }

    public String businessKey() {
        return "UPR" + cycle + "-" + number;
    }

    /** The agencies that work on it: the lead first, then the coordinating ones. */
    public List<String> agencies() {
        var all = new java.util.ArrayList<String>();
        if (leadAgency != null) {
            all.add(leadAgency);
        }
        all.addAll(coordinatingAgencies);
        return all;
    }
}
