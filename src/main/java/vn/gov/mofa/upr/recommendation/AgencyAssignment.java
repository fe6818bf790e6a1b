package vn.gov.mofa.upr.recommendation;

import java.time.LocalDate;
import java.util.List;

/** Who works on a recommendation: a lead agency, coordinating agencies, its task group and when the plan is due. */
public record AgencyAssignment(String leadAgency, List<String> coordinatingAgencies, String taskGroup, LocalDate planDueDate) {

    public List<String> agencies() {
        var all = new java.util.ArrayList<String>(List.of(leadAgency));
        all.addAll(coordinatingAgencies);
        return all;
    }
}
