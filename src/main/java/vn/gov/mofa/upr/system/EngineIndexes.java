package vn.gov.mofa.upr.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Three indexes Camunda's schema lacks, for queries the benchmark showed growing with the number of open
 * recommendations (docs/benchmarks.md). Made once the engine has created its tables, while {@link SchemaTurns}
 * still holds the next node back; {@code if not exists} makes a restart a no-op.
 * <ul>
 *   <li>{@code ACT_RU_JOB(DUEDATE_)}: every job acquisition looks for due jobs; without it, it reads every
 *       reminder and escalation timer of every recommendation (three each), on every node, every few seconds.</li>
 *   <li>{@code ACT_RU_AUTHORIZATION(USER_ID_)}: each authorization check looks for the user's <i>or</i> the
 *       user's groups' rows; with only the group index, PostgreSQL reads the whole table (a row per open task).</li>
 *   <li>{@code ACT_RU_TASK(PARENT_TASK_ID_)}: completing a task looks for its subtasks; without it, PostgreSQL reads
 *       every open task of every agency each time someone presses "Hoàn thành".</li>
 * </ul>
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 1) // before SchemaTurns lets the next node build its engine
class EngineIndexes extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);
    static final String[] INDEXES = {
        "create index if not exists UPR_IDX_JOB_DUEDATE on ACT_RU_JOB (DUEDATE_)",
        "create index if not exists UPR_IDX_AUTH_USER on ACT_RU_AUTHORIZATION (USER_ID_)",
        "create index if not exists UPR_IDX_TASK_PARENT on ACT_RU_TASK (PARENT_TASK_ID_)",
    };

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        DataSource dataSource = engine.getProcessEngineConfiguration().getDataSource();
        for (String index : INDEXES) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute(index);
            } catch (SQLException e) {
                // e.g. a database user without the right to create indexes: queries work either way, only slower
                log.warn("Index not created ({}): {}", index, e.getMessage());
            }
        }
    }
}
