package vn.gov.mofa.upr.reporting;

import static vn.gov.mofa.upr.workflow.RecommendationProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import vn.gov.mofa.upr.agency.AgencyDirectory;

/**
 * [ContributeInput]: one task per coordinating agency. Each agency's answer stays local to its task and is
 * appended, when completed, to the round's {@link Contributions}.
 */
@Component("contributionCollector")
public class ContributionCollector implements TaskListener {

    static final String RESULTS = "contributionResults";
    static final String FIGURES = "contributionFigures";
    static final String DIFFICULTIES = "contributionDifficulties";
    static final String AGENCY_NAME = "contributingAgencyName";

    private final AgencyDirectory agencies;
    private final Contributions contributions;

    public ContributionCollector(AgencyDirectory agencies, Contributions contributions) {
        this.agencies = agencies;
        this.contributions = contributions;
    }

    /** The multi-instance collection: one element per coordinating agency. */
    public List<String> agencies(Object coordinatingAgencies) {
        return AgencyDirectory.codesOf(coordinatingAgencies);
    }

    @Override
    public void notify(DelegateTask task) {
        String agency = (String) task.getVariable(VAR_CONTRIBUTING_AGENCY);
        String agencyName = agencies.namesOf(agency);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(AGENCY_NAME, agencyName);
            return;
        }
        DelegateExecution instance = task.getExecution().getProcessInstance();
        String all = contributions.with((String) instance.getVariable(VAR_CONTRIBUTIONS), new Contributions.Contribution(
                agency, agencyName, text(task.getVariable(RESULTS)), text(task.getVariable(FIGURES)),
                text(task.getVariable(DIFFICULTIES))));
        instance.setVariable(VAR_CONTRIBUTIONS, all);
        instance.setVariable(VAR_CONTRIBUTIONS_SUMMARY, Contributions.summary(contributions.read(all)));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().strip();
    }
}
