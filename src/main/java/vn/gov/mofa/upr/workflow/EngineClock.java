package vn.gov.mofa.upr.workflow;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The application's one clock: the engine's time ({@link ClockUtil}) in the zone {@code upr.zone}. The engine fires
 * timers and stamps tasks by its own clock, and process tests move that clock to fire them; reading the same time
 * here keeps "today", due dates and the application's rows in step with the engine's. Only read, never moved: the
 * job executor keeps its own view of {@link ClockUtil}.
 */
@Component
public class EngineClock extends Clock {

    private final ZoneId zone;

    public EngineClock(@Value("${upr.zone}") ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new EngineClock(zone);
    }
}
