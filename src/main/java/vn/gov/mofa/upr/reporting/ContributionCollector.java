package vn.gov.mofa.upr.reporting;

import static vn.gov.mofa.upr.workflow.RecommendationProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import vn.gov.mofa.upr.agency.AgencyDirectory;
import vn.gov.mofa.upr.workflow.Deadlines;

/**
 * [ContributeInput]: one task per coordinating agency, beside the lead agency's report. Each agency's answer stays
 * local to its task and is appended, when completed, to the round's {@link Contributions}; the summary the lead reads
 * also names the agencies not heard from yet.
 */
@Component("contributionCollector")
public class ContributionCollector implements TaskListener {

    static final String RESULTS = "contributionResults";
    static final String FIGURES = "contributionFigures";
    static final String DIFFICULTIES = "contributionDifficulties";
    static final String AGENCY_NAME = "contributingAgencyName";

    private final AgencyDirectory agencies;
    private final Contributions contributions;
    private final Deadlines deadlines;

    public ContributionCollector(AgencyDirectory agencies, Contributions contributions, Deadlines deadlines) {
        this.agencies = agencies;
        this.contributions = contributions;
        this.deadlines = deadlines;
    }

    /** The multi-instance collection: one element per coordinating agency. */
    public List<String> agencies(Object coordinatingAgencies) {
        return AgencyDirectory.codesOf(coordinatingAgencies);
    }

    @Override
    public void notify(DelegateTask task) {
        String agency = (String) task.getVariable(VAR_CONTRIBUTING_AGENCY);
        String agencyName = agencies.namesOf(agency);
        DelegateExecution instance = task.getExecution().getProcessInstance();
        String all = (String) instance.getVariable(VAR_CONTRIBUTIONS);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(AGENCY_NAME, agencyName);
        } else {
            all = contributions.with(all, new Contributions.Contribution(agency, agencyName,
                    text(task.getVariable(RESULTS)), text(task.getVariable(FIGURES)), text(task.getVariable(DIFFICULTIES))));
            instance.setVariable(VAR_CONTRIBUTIONS, all);
        }
        List<Contributions.Contribution> given = contributions.read(all);
        List<String> pending = agencies((instance.getVariable(VAR_COORDINATING_AGENCIES))).stream()
                .filter(code -> given.stream().noneMatch(c -> code.equals(c.agency()))).map(agencies::namesOf).toList();
        instance.setVariable(VAR_CONTRIBUTIONS_SUMMARY, Contributions.summary(given, pending,
                deadlines.dateOf(instance.getVariable(VAR_CONTRIBUTION_DUE_DATE)).format(Deadlines.VIETNAMESE_DATE)));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().strip();
    }
}
