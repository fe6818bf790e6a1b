package vn.gov.mofa.upr.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import vn.gov.mofa.upr.ApplicationTest;

/**
 * Wrong passwords slow an attacker down without locking anyone out for good: a user is delayed after each wrong
 * password (at most a minute) and an address that keeps failing is refused for a while, on every way to log in:
 * the webapps' login form, HTTP Basic on {@code /engine-rest} and on {@code /api}. Each test plays its clients from
 * loopback addresses of its own ({@link ClientAt}) and logs in as users it creates, so no other test is disturbed.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginThrottleTest {

    static final String PASSWORD = "Mat-khau-2026";
    /** Camunda's longest delay after a wrong password (loginDelayMaxTime, 60 s), and a second more. */
    static final long PAST_THE_USER_DELAY = 61_000;

    @Autowired IdentityService identity;
    @Value("${local.server.port}") int port;

    @BeforeAll
    void users() {
        for (String id : new String[] {"login.victim", "login.sprayed", "login.events", "login.admin"}) {
            if (identity.createUserQuery().userId(id).count() == 0) {
                User user = identity.newUser(id);
                user.setFirstName("Thử");
                user.setLastName("Đăng nhập");
                user.setPassword(PASSWORD);
                identity.saveUser(user);
                identity.createMembership(id, id.equals("login.admin") ? Groups.CAMUNDA_ADMIN : "mps");
            }
        }
    }

    @AfterEach
    void clock() {
        ClockUtil.reset();
    }

    @Test
    void wrongPasswordsFromManyAddressesDelayAUserButNeverLockThemForGood() throws IOException {
        for (int i = 1; i <= 11; i++) {
            assertThat(wrongLogin(new ClientAt("127.0.1." + i, port), i, "login.victim")).as("attempt %d", i).isEqualTo(401);
            later(PAST_THE_USER_DELAY);
        }
        ClientAt user = new ClientAt("127.0.1.100", port);
        assertThat(user.basic("/api/recommendations", "login.victim", PASSWORD).status())
                .as("the user, once the delay has passed").isEqualTo(200);

        assertThat(wrongLogin(new ClientAt("127.0.1.12", port), 0, "login.victim")).isEqualTo(401);
        assertThat(user.basic("/api/recommendations", "login.victim", PASSWORD).status())
                .as("the user, right after another wrong password: still delayed").isEqualTo(401);
        later(PAST_THE_USER_DELAY);
        assertThat(user.basic("/engine-rest/task?maxResults=10", "login.victim", PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void anAddressThatKeepsFailingIsRefusedForAWhileOnEveryWayToLogIn() throws IOException {
        ClientAt attacker = new ClientAt("127.0.2.1", port);
        for (int i = 1; i <= 10; i++) {
            assertThat(wrongLogin(attacker, i, "sprayed" + i + ".focal")).as("attempt %d", i).isEqualTo(401);
        }
        ClientAt.Answer refused = attacker.basic("/engine-rest/task", "sprayed11.focal", "wrong");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).contains("Đăng nhập sai quá nhiều lần từ địa chỉ này");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body()).as("a problem, the reason also where the pages read it")
                .contains("\"title\":\"Quá nhiều lần đăng nhập sai\"", "\"detail\":\"Đăng nhập sai quá nhiều lần",
                        "\"error\":\"Đăng nhập sai quá nhiều lần");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isPositive();

        assertThat(attacker.basic("/api/recommendations", "login.sprayed", PASSWORD).status())
                .as("even the right password, from that address").isEqualTo(429);
        assertThat(attacker.webappLogin(attacker.openSession(), "login.sprayed", PASSWORD).status()).isEqualTo(429);
        assertThat(attacker.send("GET", "/engine-rest/task", Map.of("X-Forwarded-For", "10.9.8.7", "Authorization",
                "Basic " + Base64.getEncoder().encodeToString(("login.sprayed:" + PASSWORD).getBytes())), null).status())
                .as("a forwarded-for header from a client that is not a trusted proxy changes nothing").isEqualTo(429);
        assertThat(new ClientAt("127.0.2.2", port).basic("/api/recommendations", "login.sprayed", PASSWORD).status())
                .as("the user, from elsewhere").isEqualTo(200);

        later(Long.parseLong(refused.header("Retry-After")) * 1000 + 1000);
        assertThat(attacker.basic("/api/recommendations", "login.sprayed", PASSWORD).status())
                .as("the address, once its refusal has passed").isEqualTo(200);
    }

    @Test
    void administratorsSeeWhoWasDelayedOrRefusedAndNobodyElseDoes() throws IOException {
        ClientAt attacker = new ClientAt("127.0.3.1", port);
        for (int i = 1; i <= 11; i++) {
            attacker.basic("/engine-rest/task", "login.events", "wrong-" + i);
            later(PAST_THE_USER_DELAY);
        }
        ClientAt office = new ClientAt("127.0.3.2", port);
        ClientAt.Answer events = office.basic("/api/login-events", "login.admin", PASSWORD);
        assertThat(events.status()).isEqualTo(200);
        assertThat(events.body()).contains("\"address\":\"127.0.3.1\"", "\"userId\":\"login.events\"",
                "\"kind\":\"USER_DELAYED\"", "\"kind\":\"ADDRESS_REFUSED\"").doesNotContain("wrong-");

        assertThat(office.basic("/api/login-events", "mofa.focal", "demo").status()).as("MOFA").isEqualTo(403);
        assertThat(office.basic("/api/login-events", "mps.focal", "demo").status()).as("an agency").isEqualTo(403);
        assertThat(office.send("GET", "/api/login-events", Map.of(), null).status()).as("anonymous").isEqualTo(401);
    }

    /** A wrong password for {@code user}, through one of the three ways to log in (chosen by {@code way}). */
    private static int wrongLogin(ClientAt client, int way, String user) throws IOException {
        return switch (way % 3) {
            case 0 -> client.basic("/engine-rest/task", user, "wrong").status();
            case 1 -> client.basic("/api/recommendations", user, "wrong").status();
            default -> client.webappLogin(client.openSession(), user, "wrong").status();
        };
    }

    private static void later(long millis) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + millis));
    }
}
