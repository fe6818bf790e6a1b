package vn.gov.mofa.upr.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import vn.gov.mofa.upr.ApplicationTest;

/**
 * Nobody sets a password an attacker guesses first: not {@code 1}, not their own user name, neither on their own
 * account page (the Welcome app, or {@code /engine-rest}) nor as an administrator in Camunda Admin. The refusal
 * says what a password needs, in Vietnamese. The demo users (outside production) keep {@code demo}.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasswordPolicyTest {

    static final String PASSWORD = "Mat-khau-2026";
    static final String RULES = "Mật khẩu cần ít nhất 10 ký tự";

    @Autowired IdentityService identity;
    @Value("${local.server.port}") int port;

    ClientAt client;

    @BeforeAll
    void users() {
        client = new ClientAt("127.0.4.1", port);
        for (String id : new String[] {"policy.user", "policy.admin"}) {
            if (identity.createUserQuery().userId(id).count() == 0) {
                User user = identity.newUser(id);
                user.setFirstName("Thử");
                user.setLastName("Mật khẩu");
                user.setPassword(PASSWORD);
                identity.saveUser(user);
                identity.createMembership(id, id.equals("policy.admin") ? Groups.CAMUNDA_ADMIN : "mps");
            }
        }
    }

    @Test
    void aUserCannotChooseAWeakPasswordOnTheirAccountPage() throws IOException {
        for (String weak : new String[] {"1", "Policy.user-2026"}) {
            ClientAt.Answer viaRest = client.basic("PUT", "/engine-rest/user/policy.user/credentials", "policy.user", PASSWORD,
                    credentials(weak));
            assertThat(viaRest.status()).as("'%s' through /engine-rest", weak).isEqualTo(400);
            assertThat(viaRest.body()).contains(RULES);

            ClientAt.Session session = client.openSession();
            assertThat(client.webappLogin(session, "welcome", "policy.user", PASSWORD).status()).isEqualTo(200);
            ClientAt.Answer viaWelcome = client.inSession(session, "PUT",
                    "/camunda/api/engine/engine/default/user/policy.user/credentials", "application/json", credentials(weak));
            assertThat(viaWelcome.status()).as("'%s' through the Welcome app", weak).isEqualTo(400);
            assertThat(viaWelcome.body()).contains(RULES);
        }
        // the right password first: after a wrong one, the user is delayed for a few seconds
        assertThat(client.basic("/api/recommendations", "policy.user", PASSWORD).status()).isEqualTo(200);
        assertThat(client.basic("/api/recommendations", "policy.user", "1").status()).isEqualTo(401);
    }

    @Test
    void anAdministratorCannotGiveANewUserAWeakPassword() throws IOException {
        ClientAt.Session session = client.openSession();
        assertThat(client.webappLogin(session, "admin", "policy.admin", PASSWORD).status()).isEqualTo(200);
        ClientAt.Answer created = client.inSession(session, "POST", "/camunda/api/engine/engine/default/user/create",
                "application/json", """
                {"profile": {"id": "policy.new", "firstName": "Mới", "lastName": "Tạo", "email": "policy.new@upr.example.vn"},
                 "credentials": {"password": "1"}}""");
        assertThat(created.status()).as(created.body()).isEqualTo(400);
        assertThat(created.body()).contains(RULES);
        assertThat(identity.createUserQuery().userId("policy.new").count()).isZero();
    }

    @Test
    void demoUsersKeepTheirDemoPassword() throws IOException {
        assertThat(client.basic("/api/recommendations", "moh.focal", "demo").status()).isEqualTo(200);
    }

    private static String credentials(String password) {
        return "{\"password\": \"" + password + "\", \"authenticatedUserPassword\": \"" + PASSWORD + "\"}";
    }
}
