package vn.gov.mofa.upr.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Nodes starting together on an empty PostgreSQL database take turns building the engine: Camunda creates its
 * tables without any lock of its own, so two nodes creating them at once made one of them fail to start. A node
 * holds a PostgreSQL advisory lock (for the length of a transaction on a connection of its own) from before the
 * engine looks at its schema until the engine is built and {@link EngineIndexes} has run (this plugin comes last);
 * the next node then finds the schema in place. The embedded H2 default is a single node and takes no lock.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class SchemaTurns extends AbstractProcessEnginePlugin {

    /** Any fixed number; it names this lock among the database's advisory locks. */
    static final long LOCK_KEY = 0x5550_52L;

    private Connection holder;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        try {
            Connection connection = configuration.getDataSource().getConnection();
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                return;
            }
            // a transaction-scoped lock: however this ends, the transaction ends with the connection and frees it
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("select pg_advisory_xact_lock(" + LOCK_KEY + ")");
            }
            holder = connection;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the schema lock on the database", e);
        }
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        if (holder == null) {
            return;
        }
        try (Connection connection = holder) {
            connection.rollback(); // ends the transaction, and with it the lock
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not release the schema lock on the database", e);
        } finally {
            holder = null;
        }
    }
}
