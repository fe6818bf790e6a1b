package vn.gov.mofa.upr.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Camunda keeps a String variable in {@code TEXT_ varchar(4000)}: a report, a plan or the collected contributions
 * longer than that made completing the task fail. Once the engine has created its tables (and while
 * {@link SchemaTurns} holds the next node back), each {@code TEXT_} that holds variable values is widened to
 * {@link #MAX_TEXT} characters, the longest {@code varchar} H2 allows, on H2 and PostgreSQL alike (on PostgreSQL
 * widening a {@code varchar} rewrites nothing). A column already that wide is left alone, so a restart is a no-op.
 * The application's own text columns have the same width (migration V9).
 *
 * <p>After a Camunda upgrade, check that its upgrade scripts ({@code db/upgrade/*.sql} in camunda-engine) do not
 * recreate or narrow these columns, and whether a new table keeps variable values in a {@code TEXT_} of its own.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 1) // before SchemaTurns lets the next node build its engine
class LongTextColumns extends AbstractProcessEnginePlugin {

    static final int MAX_TEXT = 1_048_576;

    private static final Logger log = LoggerFactory.getLogger(LongTextColumns.class);
    /** Runtime variables, their history (audit level and above), and the inputs and outputs of DMN decisions. */
    static final List<String> TABLES = List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_DEC_IN",
            "ACT_HI_DEC_OUT");

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        DataSource dataSource = engine.getProcessEngineConfiguration().getDataSource();
        for (String table : TABLES) {
            String widen = "alter table " + table + " alter column TEXT_ set data type varchar(" + MAX_TEXT + ")";
            try (Connection connection = dataSource.getConnection()) {
                if (width(connection, table) < MAX_TEXT) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute(widen);
                    }
                }
            } catch (SQLException e) {
                // e.g. a database user without the right to alter tables: everything works but texts over 4,000
                log.error("Column not widened, texts over 4,000 characters will fail; run as the schema owner: {} ({})",
                        widen, e.getMessage());
            }
        }
    }

    /** The column's width, read from the standard information schema (table names are lower case on PostgreSQL). */
    private static int width(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select character_maximum_length from"
                + " information_schema.columns where table_schema = current_schema and upper(table_name) = ?"
                + " and upper(column_name) = 'TEXT_'")) {
            query.setString(1, table);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getInt(1) : MAX_TEXT;
            }
        }
    }
}
