package vn.gov.mofa.upr.system;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGTERM always stops the server. Spring closes the application in phases, each bounded
 * ({@code spring.lifecycle.timeout-per-shutdown-phase}), but the rest of a shutdown is not: a job or a mail sender
 * waiting on a database or SMTP server that no longer answers, or Camunda writing its metrics as it closes, could hold
 * the process forever. Once the JVM starts shutting down, this limit halts it after {@code upr.shutdown-limit},
 * whatever still runs; what was not committed is left to the database, as after a crash (nothing is lost: jobs are
 * taken again when their locks expire, mails when their claim expires).
 */
public final class ShutdownLimit {

    private static final Logger log = LoggerFactory.getLogger(ShutdownLimit.class);

    /** Watches every shutdown of this JVM from now on. */
    public static void install(Duration limit) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // a daemon thread: a shutdown that finishes in time ends the JVM without waiting for it
            Thread watchdog = new Thread(() -> halt(limit), "upr-shutdown-limit");
            watchdog.setDaemon(true);
            watchdog.start();
        }, "upr-shutdown-limit-hook"));
    }

    private static void halt(Duration limit) {
        try {
            Thread.sleep(limit.toMillis());
        } catch (InterruptedException e) {
            return;
        }
        log.error("Shutdown did not finish within {} s: halting the JVM", limit.toSeconds());
        Runtime.getRuntime().halt(1);
    }

    private ShutdownLimit() {
    }
}
