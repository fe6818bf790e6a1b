package vn.gov.mofa.upr.reporting;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.gov.mofa.upr.workflow.ReportingRoundProcess;

/**
 * Tells a round process ({@code ReportStatusChanged}) that its record changed, once the change is committed, so its
 * counters in Cockpit follow. That message is news, not the record: if it cannot be delivered (the round ended, or
 * another report changed the round at the same moment), the next one, or the deadline check, brings the counters up
 * to date.
 */
@Component
class RoundNews {

    private static final Logger log = LoggerFactory.getLogger(RoundNews.class);

    private final RuntimeService runtime;
    private final IdentityService identity;
    private final TransactionTemplate newTransaction;

    RoundNews(RuntimeService runtime, IdentityService identity, PlatformTransactionManager transactions) {
        this.runtime = runtime;
        this.identity = identity;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Once the current transaction commits; at once outside a transaction. */
    void afterCommit(String roundId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            tellRound(roundId);
            return;
        }
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
