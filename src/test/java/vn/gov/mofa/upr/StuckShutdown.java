package vn.gov.mofa.upr;

import jakarta.annotation.PreDestroy;

/**
 * Added to a server in a test ({@code --spring.main.sources}) to stand for whatever may hang a shutdown: a thread
 * waiting on a database that no longer answers, a stuck SMTP connection. It never lets its context close.
 */
public class StuckShutdown {

    @PreDestroy
    void hang() throws InterruptedException {
        Thread.sleep(Long.MAX_VALUE);
    }
}
