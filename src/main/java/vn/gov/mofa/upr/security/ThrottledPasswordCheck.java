package vn.gov.mofa.upr.security;

import java.time.Clock;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import vn.gov.mofa.upr.monitoring.EventCounters;

/**
 * Every way to log in (the webapps' login form, HTTP Basic on {@code /engine-rest} and on the application's pages
 * and {@code /api}, the current password when changing it) ends in the engine's password check. Here that check
 * refuses an address {@link LoginThrottle} refuses, without looking at the password (so a spray cannot delay the
 * users it names either), counts each failure for the address, and reports a user delayed after several wrong
 * passwords in a row to {@link LoginEvents}. {@link LoginRefusal} gives the refused client the reason.
 */
@Component
public class ThrottledPasswordCheck extends AbstractProcessEnginePlugin {

    /** A mistyped password or two is everyday; from the third in a row (a 12 s delay) an administrator may look. */
    static final int NOTEWORTHY_FAILURES = 3;

    private final LoginThrottle throttle;
    private final LoginEvents events;
    private final Clock clock;
    private final EventCounters counters;

    public ThrottledPasswordCheck(LoginThrottle throttle, LoginEvents events, Clock clock, EventCounters counters) {
        this.throttle = throttle;
        this.events = events;
        this.clock = clock;
        this.counters = counters;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return ThrottledIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return new ThrottledIdentityProvider(throttle, events, clock, counters);
            }
        });
    }

    /** The engine's own users and groups, with the password check throttled. */
    static class ThrottledIdentityProvider extends DbIdentityServiceProvider {

        private final LoginThrottle throttle;
        private final LoginEvents events;
        private final Clock clock;
        private final EventCounters counters;

        ThrottledIdentityProvider(LoginThrottle throttle, LoginEvents events, Clock clock, EventCounters counters) {
            this.throttle = throttle;
            this.events = events;
            this.clock = clock;
            this.counters = counters;
        }

        @Override
        public boolean checkPassword(String userId, String password) {
            String address = clientAddress();
            if (!throttle.refusal(address).isZero()) {
                counters.loginFailed();
                return false;
            }
            // a user still in Camunda's delay is refused without a look at the password: that is no guess from
            // this address (it may be the user, trying again right after someone else's wrong password)
            UserEntity user = userId == null ? null : findUserById(userId);
            boolean delayed = user != null && user.getLockExpirationTime() != null
                    && user.getLockExpirationTime().toInstant().isAfter(clock.instant());
            boolean valid = super.checkPassword(userId, password);
            if (!valid) {
                counters.loginFailed();
            }
            if (!valid && !delayed) {
                throttle.failed(address, userId);
            }
            return valid;
        }

        /** Camunda's delay after a wrong password (never a lock for good: login-max-attempts in application.yaml). */
        @Override
        protected void lockUser(UserEntity user) {
            super.lockUser(user);
            if (user.getAttempts() >= NOTEWORTHY_FAILURES) {
                events.userDelayed(user.getId(), clientAddress(), user.getAttempts(), user.getLockExpirationTime().toInstant());
            }
        }

        /** The address of the request this check serves; null outside a request. */
        private static String clientAddress() {
            return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                    ? request.getRequest().getRemoteAddr() : null;
        }
    }
}
