package vn.gov.mofa.upr.security;

import static vn.gov.mofa.upr.workflow.RecommendationProcess.*;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import vn.gov.mofa.upr.agency.AgencyDirectory;

/**
 * Start of a recommendation whose agencies the annex named: they (and their leaders) read the instance from the
 * first moment. Runs inside the start, so its authorizations are written in the start's own flush. When MOFA
 * assigns the agencies in [AssignAgencies] instead, that step grants them. It lives beside {@link RecommendationAccess}:
 * the process contract ({@code workflow/}) stays below the features that act on it.
 */
@Component("initialReaders")
public class InitialReaders implements ExecutionListener {

    private final RecommendationAccess access;

    public InitialReaders(RecommendationAccess access) {
        this.access = access;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (!Boolean.TRUE.equals(execution.getVariable(VAR_ASSIGNMENT_CONFIRMED))) {
            return;
        }
        List<String> agencies = new ArrayList<>(List.of((String) execution.getVariable(VAR_LEAD_AGENCY)));
        agencies.addAll(AgencyDirectory.codesOf(execution.getVariable(VAR_COORDINATING_AGENCIES)));
        access.grantNew(execution.getProcessInstanceId(), agencies);
    }
}
