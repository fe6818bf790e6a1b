package vn.gov.mofa.upr.monitoring;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What happened to a recommendation, one INFO line each on logger {@value #LOGGER}, always in the same shape:
 * {@code <key> <EVENT>: <details>}, e.g. {@code UPR4-12 ASSIGNED: lead mps, coordinating [moj], task group 3}, so that
 * {@code grep UPR4-12} follows one recommendation. The key and the event are also key-value pairs ({@code upr.key},
 * {@code upr.event}) for JSON logs. Inside a transaction the line is written once it commits: a step that rolls
 * back did not happen, and its line would mislead.
 */
public enum BusinessEvent {

    /** a recommendation created or changed by an import */
    IMPORTED,
    /** MOFA chose the lead and coordinating agencies */
    ASSIGNED,
    /** MOFA approved a plan or a report */
    APPROVED,
    /** MOFA returned a plan or a report for changes */
    RETURNED,
    /** an agency's leader signed off a plan or a report for MOFA */
    SIGNED_OFF,
    /** an agency's leader returned a plan or a report to its focal point */
    SIGN_OFF_RETURNED,
    /** an agency delegated part of its work to its units */
    DELEGATED,
    /** MOFA opened a reporting round (the key is the round's) */
    ROUND_OPENED,
    /** a recommendation whose plan was just approved joined the open round that awaited it */
    ROUND_JOINED,
    /** an agency's step is overdue and MOFA follows it up */
    ESCALATED;

    static final String LOGGER = "upr.events";
    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    /** @param details a short English text with SLF4J {@code {}} placeholders for {@code arguments} */
    public void log(String key, String details, Object... arguments) {
        Runnable line = () -> log.atInfo().addKeyValue("upr.event", name()).addKeyValue("upr.key", key)
                .log(key + " " + name() + ": " + details, arguments);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    line.run();
                }
            });
        } else {
            line.run();
        }
    }
}
