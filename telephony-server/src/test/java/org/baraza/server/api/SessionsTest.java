package org.baraza.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.baraza.core.audit.AuditEntry;
import org.baraza.core.config.ConsoleConfig;
import org.baraza.core.db.Stores;
import org.baraza.core.people.User;
import org.baraza.core.testing.PostgresExtension;
import org.baraza.server.TelephonyServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Signing in over real HTTP: the cookie, the CSRF token, signing out, throttling, and API tokens. */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionsTest {

    private static final String PASSWORD = "correct horse battery";

    private final Stores stores;
    private final ConsoleWorld world;
    private TelephonyServer server;

    SessionsTest(Jdbi jdbi) {
        this.stores = Stores.on(jdbi);
        this.world = new ConsoleWorld(stores, jdbi);
    }

    @BeforeAll
    void start(@TempDir Path directory) {
        server = ConsoleServer.start(stores, directory, new ConsoleConfig(Duration.ofMinutes(30), Duration.ofHours(12), 3,
                Duration.ofMinutes(15), 1 << 20, 8000));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aSignedInBrowserReadsWithItsCookieAndChangesOnlyWithItsCsrfToken() {
        User manager = world.managerA.user();
        ConsoleClient.Response signedIn = client().post("/api/session", Map.of("email", manager.email(), "password", PASSWORD));

        assertThat(signedIn.status()).isEqualTo(200);
        String cookie = signedIn.header("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("baraza_session=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Path=/");
        String csrf = signedIn.json().get("csrfToken").asText();
        ConsoleClient browser = client().withHeader("Cookie", cookie.substring(0, cookie.indexOf(';')));
        long station = world.a.station().id().value();

        assertThat(browser.get("/api/me").json().get("user").get("email").asText()).isEqualTo(manager.email());
        assertThat(browser.get("/api/me").json().get("csrfToken").asText()).isEqualTo(csrf);
        ConsoleClient.Response forged = browser.post("/api/stations/" + station + "/blocks", Map.of("number", "+256700111222"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.json().get("error").asText()).contains("X-CSRF-Token");
        assertThat(browser.withHeader("X-CSRF-Token", csrf).post("/api/stations/" + station + "/blocks",
                Map.of("number", "+256700111222")).status()).isEqualTo(201);

        assertThat(browser.withHeader("X-CSRF-Token", csrf).delete("/api/session").status()).isEqualTo(204);
        assertThat(browser.get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void aPlainHtmlFormSignsInAndSendsItsCsrfTokenAsAField() {
        User manager = world.managerA.user();
        ConsoleClient.Response signedIn = client().form("/api/session",
                "email=" + manager.email() + "&password=" + PASSWORD.replace(' ', '+'));
        assertThat(signedIn.status()).isEqualTo(200);
        String cookie = signedIn.header("Set-Cookie").orElseThrow();
        ConsoleClient browser = client().withHeader("Cookie", cookie.substring(0, cookie.indexOf(';')));

        // A form post to a JSON route is still checked for the token before anything else.
        assertThat(browser.form("/api/me/tokens", "name=x").status()).isEqualTo(403);
        assertThat(browser.form("/api/me/tokens", "_csrf=" + signedIn.json().get("csrfToken").asText()).status())
                .as("past the CSRF check, the JSON body is what is missing").isEqualTo(400);
    }

    @Test
    void wrongPasswordsAreRefusedAlikeAuditedAndSlowedDown() {
        User user = world.account(world.one, null).user();
        for (int i = 0; i < 4; i++) {
            ConsoleClient.Response refused = client().post("/api/session", Map.of("email", user.email(), "password", "wrong-" + i));
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.json().get("error").asText()).isEqualTo("wrong email or password");
        }
        ConsoleClient.Response throttled = client().post("/api/session", Map.of("email", user.email(), "password", PASSWORD));
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isPresent();
        assertThat(stores.audit().history("user", String.valueOf(user.id().value()), 10)).extracting(AuditEntry::action)
                .containsOnly("session.refused").hasSize(4);
    }

    @Test
    void anApiTokenActsAsItsUserUntilRevoked() {
        ConsoleClient admin = client().bearer(world.adminOne.token());
        ConsoleClient.Response made = admin.post("/api/me/tokens", Map.of("name", "nightly export"));
        assertThat(made.status()).isEqualTo(201);
        String secret = made.json().get("secret").asText();
        long id = made.json().get("token").get("id").asLong();

        assertThat(client().bearer(secret).get("/api/users").status()).isEqualTo(200);
        assertThat(admin.get("/api/me/tokens").body()).contains("nightly export").doesNotContain(secret);
        assertThat(admin.delete("/api/me/tokens/" + id).status()).isEqualTo(200);
        assertThat(client().bearer(secret).get("/api/users").status()).isEqualTo(401);
        assertThat(client().bearer("bz_not-a-token").get("/api/me").status()).isEqualTo(401);
    }

    private ConsoleClient client() {
        return ConsoleClient.at(server.httpPort());
    }
}
