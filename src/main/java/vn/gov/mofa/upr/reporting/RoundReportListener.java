package vn.gov.mofa.upr.reporting;

import static vn.gov.mofa.upr.workflow.RecommendationProcess.*;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.gov.mofa.upr.reporting.ReportingRounds.ReportStatus;
import vn.gov.mofa.upr.workflow.ReportingRoundProcess;

/**
 * Keeps the round's record of this recommendation's report current (submitted, returned, approved) in the same
 * transaction, and afterwards tells the round process ({@code ReportStatusChanged}) so its counters in Cockpit
 * follow. That message is news, not the record: if it cannot be delivered (the round ended, or another report
 * changed the round at the same moment), the next one, or the deadline check, brings the counters up to date.
 */
@Component
public class RoundReportListener implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(RoundReportListener.class);

    private final ReportingRounds rounds;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final TransactionTemplate newTransaction;

    public RoundReportListener(ReportingRounds rounds, RuntimeService runtime, IdentityService identity,
            PlatformTransactionManager transactions) {
        this.rounds = rounds;
        this.runtime = runtime;
        this.identity = identity;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void notify(DelegateTask task) {
        String roundId = (String) task.getVariable(VAR_ROUND_ID);
        if (roundId == null) {
            return;
        }
        ReportStatus status = PREPARE_REPORT.equals(task.getTaskDefinitionKey()) ? ReportStatus.SUBMITTED
                : Boolean.TRUE.equals(task.getVariable(VAR_APPROVED)) ? ReportStatus.APPROVED : ReportStatus.RETURNED;
        rounds.mark(roundId, task.getProcessInstanceId(), status);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                tellRound(roundId);
            }
        });
    }

    /** Runs for the application, not as the user who completed the task (an agency may not see the round). */
    private void tellRound(String roundId) {
        Authentication user = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            newTransaction.executeWithoutResult(status -> {
                if (runtime.createProcessInstanceQuery().processInstanceId(roundId).count() == 1) {
                    runtime.createMessageCorrelation(ReportingRoundProcess.MESSAGE_REPORT_STATUS_CHANGED)
                            .processInstanceId(roundId).correlateAll();
                }
            });
        } catch (OptimisticLockingException e) {
            log.debug("Round {} changed concurrently; its counters catch up with the next report", roundId);
        } catch (RuntimeException e) {
            log.warn("Round {} not told of a report change; its counters catch up later: {}", roundId, e.getMessage());
        } finally {
            if (user != null) {
                identity.setAuthentication(user);
            }
        }
    }
}
