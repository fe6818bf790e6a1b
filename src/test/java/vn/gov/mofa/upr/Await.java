package vn.gov.mofa.upr;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what the application does in the background (jobs, mails, another node): polls until it holds. */
public final class Await {

    /** Returns once {@code condition} holds; fails the test when it has not held {@code within} that time. */
    public static void until(Duration within, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("condition not met within " + within);
            }
            Thread.sleep(200);
        }
    }

    private Await() {
    }
}
