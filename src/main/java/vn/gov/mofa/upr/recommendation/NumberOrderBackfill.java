package vn.gov.mofa.upr.recommendation;

import static vn.gov.mofa.upr.workflow.RecommendationProcess.KEY;
import static vn.gov.mofa.upr.workflow.RecommendationProcess.VAR_NUMBER;
import static vn.gov.mofa.upr.workflow.RecommendationProcess.VAR_NUMBER_ORDER;

import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives the recommendations that started before {@code numberOrder} existed their sort key, so that Tasklist's
 * filters order their tasks by number too. Instances started since have it from the start
 * ({@link RecommendationWorkflow}). Runs at every start and writes only what is missing: after the first start of
 * this version it finds nothing to do. It holds the startup lock, so a second node starting at the same moment waits
 * and then finds the keys in place.
 */
@Component
class NumberOrderBackfill {

    private static final Logger log = LoggerFactory.getLogger(NumberOrderBackfill.class);

    private final RuntimeService runtime;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    NumberOrderBackfill(RuntimeService runtime, JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.runtime = runtime;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @EventListener
    public void onApplicationReady(ApplicationReadyEvent event) {
        transaction.executeWithoutResult(status -> {
            jdbc.queryForObject("select id from startup_lock where id = 1 for update", Integer.class);
            int filled = fill();
            if (filled > 0) {
                log.info("Sort key numberOrder given to {} running recommendations", filled);
            }
        });
    }

    /** @return how many running recommendations got their key */
    int fill() {
        Set<String> recommendations = runtime.createProcessInstanceQuery().processDefinitionKey(KEY).list().stream()
                .map(ProcessInstance::getId).collect(Collectors.toSet());
        Set<String> ordered = runtime.createVariableInstanceQuery().variableName(VAR_NUMBER_ORDER).list().stream()
                .map(VariableInstance::getProcessInstanceId).collect(Collectors.toSet());
        int filled = 0;
        for (VariableInstance number : runtime.createVariableInstanceQuery().variableName(VAR_NUMBER).list()) {
            String instance = number.getProcessInstanceId();
            if (instance.equals(number.getExecutionId()) && recommendations.contains(instance)
                    && !ordered.contains(instance) && number.getValue() instanceof String text) {
                runtime.setVariable(instance, VAR_NUMBER_ORDER, RecommendationNumber.orderKey(text));
                filled++;
            }
        }
        return filled;
    }
}
