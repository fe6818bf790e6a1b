package vn.gov.mofa.upr.recommendation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration 11, beside the SQL ones in {@code db/migration}: the registry gets the two columns the recommendation
 * list reads, with their indexes. It is written in Java because the existing rows are filled by the same code that
 * fills new ones ({@link RecommendationNumber#orderKey}, {@link SearchText}); SQL cannot pad digit runs or drop
 * Vietnamese accents the same way on H2 and PostgreSQL. Spring hands every {@link JavaMigration} bean to Flyway.
 */
@Component
class ListColumnsMigration implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("11");
    }

    @Override
    public String getDescription() {
        return "recommendation list: natural order and accent-free search text";
    }

    @Override
    public Integer getChecksum() {
        return 11;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("alter table recommendation add column number_order varchar(200)");
            ddl.execute("alter table recommendation add column search_text varchar(41000)");
        }
        try (Statement read = connection.createStatement();
                ResultSet rows = read.executeQuery("select id, number, text, text_vi from recommendation");
                PreparedStatement write = connection.prepareStatement(
                        "update recommendation set number_order = ?, search_text = ? where id = ?")) {
            while (rows.next()) {
                String number = rows.getString("number");
                write.setString(1, RecommendationNumber.orderKey(number));
                write.setString(2, SearchText.of(rows.getString("text"), rows.getString("text_vi")));
                write.setLong(3, rows.getLong("id"));
                write.addBatch();
            }
            write.executeBatch();
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("alter table recommendation alter column number_order set not null");
            // the list's default order, and the two other orders it offers
            ddl.execute("create index ix_recommendation_order on recommendation (cycle, number_order)");
            ddl.execute("create index ix_recommendation_due on recommendation (due_date)");
            ddl.execute("create index ix_recommendation_updated on recommendation (updated_at)");
            ddl.execute("create index ix_recommendation_task_group on recommendation (task_group)");
        }
    }
}
