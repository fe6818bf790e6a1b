package vn.gov.mofa.upr;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A server in a JVM of its own, on a PostgreSQL server of its own, as the proxy and the operator see it: its health
 * check turns DOWN when the database goes away (the proxy then stops sending users to it), and SIGTERM stops it
 * within its shutdown limit even when something hangs its shutdown.
 */
class ServerStopIT {

    static final Duration SHUTDOWN_LIMIT = Duration.ofSeconds(20);

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theHealthCheckTurnsDownWithTheDatabaseAndSigtermStopsTheServerWhateverHangs() throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        Path log = Files.createTempFile("upr-server-stop", ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), UprApplication.class.getName(),
                "--spring.profiles.active=test", "--server.port=0",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--camunda.bpm.job-execution.enabled=true", "--upr.shutdown-limit=" + SHUTDOWN_LIMIT,
                "--spring.main.sources=" + StuckShutdown.class.getName()));
        Process server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Await.until(Duration.ofMinutes(3), () -> read(log).contains("Started UprApplication") || !server.isAlive());
            Matcher port = Pattern.compile("Tomcat started on port (\\d+)").matcher(read(log));
            assertThat(port.find()).as("the server started: %s", read(log)).isTrue();
            URI health = URI.create("http://localhost:" + port.group(1) + "/actuator/health");
            // UP once the job executor runs too (it starts just after the application)
            Await.until(Duration.ofSeconds(30), () -> status(health) == 200);

            postgres.close();
            long down = System.nanoTime();
            Await.until(Duration.ofSeconds(30), () -> status(health) == 503);
            System.out.printf("health: DOWN %d ms after the database stopped%n", (System.nanoTime() - down) / 1_000_000);

            long sigterm = System.nanoTime();
            server.destroy(); // SIGTERM
            assertThat(server.waitFor(SHUTDOWN_LIMIT.toSeconds() + 15, TimeUnit.SECONDS))
                    .as("SIGTERM stopped the server within its shutdown limit").isTrue();
            System.out.printf("SIGTERM: the server stopped after %d ms, exit status %d%n",
                    (System.nanoTime() - sigterm) / 1_000_000, server.exitValue());
            assertThat(read(log)).contains("Shutdown did not finish within " + SHUTDOWN_LIMIT.toSeconds());
        } finally {
            server.destroyForcibly();
            postgres.close();
        }
    }

    private int status(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1; // no answer within 5 seconds: the proxy's and Docker's checks count it as down, not as DOWN
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
