package vn.gov.mofa.upr.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down whoever guesses passwords from one client address. Camunda delays each user after a wrong password
 * (at most a minute, then the user may try again: see {@code login-max-attempts} in application.yaml), which does
 * not see one address trying many user names. After {@code upr.login.refuse-after-failures} wrong passwords, an
 * address is refused for {@code first-refusal}, doubling with each further wrong password up to
 * {@code longest-refusal}; an address quiet for {@code forget-after} (counted from the end of its refusal) starts
 * afresh. A success does not clear the count: an attacker with an account of their own could clear it between
 * guesses. Somebody already logged in (a webapp session) is not affected.
 * <p>
 * The client address is the request's remote address. Behind the reverse proxy (profile {@code prod},
 * {@code server.forward-headers-strategy: native}) Tomcat takes it from {@code X-Forwarded-For} only when the
 * connection comes from a trusted proxy ({@code server.tomcat.remoteip.internal-proxies}); elsewhere the header is
 * ignored. The counts live in each node's memory: in a cluster of two an address may fail up to twice as often.
 */
@Component
public class LoginThrottle {

    /** {@code refusedUntil}: the end of the refusal, or the last wrong password while the address is not refused. */
    private record Failures(int count, Instant refusedUntil) {
    }

    /** Past this many addresses, forgotten ones are dropped: a spray from many addresses must not fill the heap. */
    private static final int REMEMBERED = 10_000;

    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
    private final LoginEvents events;
    private final Clock clock;
    private final int refuseAfterFailures;
    private final Duration firstRefusal;
    private final Duration longestRefusal;
    private final Duration forgetAfter;

    public LoginThrottle(LoginEvents events, Clock clock, @Value("${upr.login.refuse-after-failures}") int refuseAfterFailures,
            @Value("${upr.login.first-refusal}") Duration firstRefusal,
            @Value("${upr.login.longest-refusal}") Duration longestRefusal,
            @Value("${upr.login.forget-after}") Duration forgetAfter) {
        this.events = events;
        this.clock = clock;
        this.refuseAfterFailures = refuseAfterFailures;
        this.firstRefusal = firstRefusal;
        this.longestRefusal = longestRefusal;
        this.forgetAfter = forgetAfter;
    }

    /** How much longer logins from {@code address} are refused; zero when it may try. */
    public Duration refusal(String address) {
        Failures failures = address == null ? null : byAddress.get(address);
        Instant now = clock.instant();
        return failures == null || !failures.refusedUntil().isAfter(now) ? Duration.ZERO
                : Duration.between(now, failures.refusedUntil());
    }

    /** A wrong password (or an unknown or delayed user) from {@code address}; null outside a request. */
    void failed(String address, String userId) {
        if (address == null) {
            return;
        }
        Instant now = clock.instant();
        Failures failures = byAddress.compute(address, (a, before) -> {
            int count = before == null || forgotten(before, now) ? 1 : before.count() + 1;
            return new Failures(count, count < refuseAfterFailures ? now : now.plus(refusalAfter(count)));
        });
        if (failures.count() >= refuseAfterFailures) {
            events.addressRefused(address, userId, failures.count(), failures.refusedUntil());
        }
        if (byAddress.size() > REMEMBERED) {
            byAddress.values().removeIf(f -> forgotten(f, now));
        }
    }

    private Duration refusalAfter(int count) {
        Duration refusal = firstRefusal.multipliedBy(1L << Math.min(count - refuseAfterFailures, 20));
        return refusal.compareTo(longestRefusal) > 0 ? longestRefusal : refusal;
    }

    private boolean forgotten(Failures failures, Instant now) {
        return now.isAfter(failures.refusedUntil().plus(forgetAfter));
    }
}
