package vn.gov.mofa.upr;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One real PostgreSQL server for the integration tests of this JVM (zonky's embedded PostgreSQL: binaries from
 * Maven Central, no Docker). Started on first use, stopped when the JVM ends.
 */
public final class EmbeddedPostgres {

    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    public static synchronized String jdbcUrl(String database) {
        if (server == null) {
            try {
                server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgres::stopAfterTheApplications));
        }
        try (var connection = server.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
            statement.execute("create database " + database);
        } catch (java.sql.SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // already exists
                throw new IllegalStateException(e);
            }
        }
        return server.getJdbcUrl("postgres", database);
    }

    /**
     * Shutdown hooks run side by side: the server stops only once Spring Boot's hook has closed the test contexts,
     * whose last statements (Camunda reports its metrics when it closes) would otherwise wait for a connection.
     */
    private static void stopAfterTheApplications() {
        try {
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.getName().equals("SpringApplicationShutdownHook")) {
                    thread.join(60_000);
                }
            }
            server.close();
        } catch (IOException | InterruptedException ignored) {
            // the JVM is ending anyway
        }
    }

    private EmbeddedPostgres() {
    }
}
