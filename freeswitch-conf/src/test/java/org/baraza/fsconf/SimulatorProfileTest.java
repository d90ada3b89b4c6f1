package org.baraza.fsconf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.baraza.core.config.ConfigLoader;
import org.baraza.core.config.ServerConfig;
import org.baraza.sim.HttapiProfile;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * End-to-end tests run Baraza against the simulator with {@link HttapiProfile#baraza}: that profile must be
 * the one this module ships, or the tests would pass against a switch nobody runs.
 */
class SimulatorProfileTest {
    private static final String PROFILE = "/configuration/profiles/profile[@name='baraza']";

    private final ConfigFile httapi = ShippedConfiguration.xml("autoload_configs/httapi.conf.xml");
    private final Element shipped = httapi.elements(PROFILE).getFirst();
    private final ServerConfig server = ConfigLoader.defaults().server();
    private final HttapiProfile simulated = HttapiProfile.baraza(server.httapiUrl(), server.httapiUser(),
            server.httapiPassword());

    @Test
    void theSimulatorsBarazaProfileAllowsWhatTheShippedOneAllows() {
        HttapiPermissions permissions = HttapiPermissions.of(shipped);
        HttapiProfile.Permissions sim = simulated.permissions();

        assertThat(sim.executeApps().listed()).containsExactlyInAnyOrderElementsOf(permissions.executeApps().allowedNames());
        assertThat(sim.executeApps().all()).isEqualTo(permissions.executeApps().everything());
        assertThat(sim.setVariables().listed()).containsExactlyInAnyOrderElementsOf(permissions.setVars().allowedNames());
        assertThat(sim.setVariables().all()).isEqualTo(permissions.setVars().everything());
        assertThat(sim.getVariables().all()).as("get-vars without a list").isEqualTo(permissions.getVars().everything());
        assertThat(sim.setParams()).isEqualTo(permissions.granted().contains("set-params"));
        assertThat(sim.expandVariables()).isEqualTo(permissions.granted().contains("expand-vars"));
        assertThat(sim.conference()).isEqualTo(permissions.granted().contains("conference"));
        assertThat(sim.conferenceSetProfile()).isEqualTo(permissions.granted().contains("conference-set-profile"));
    }

    @Test
    void theSimulatorsBarazaProfileCallsAsTheShippedOneCalls() {
        PreprocessorVariables variables = PreprocessorVariables.shipped();
        String params = PROFILE + "/params/param";

        assertThat(simulated.credentials())
                .isEqualTo(variables.expand(httapi.required(params + "[@name='gateway-credentials']/@value")));
        assertThat(httapi.required(params + "[@name='auth-scheme']/@value")).isEqualTo("basic");
        assertThat(simulated.gatewayUrl().toString())
                .isEqualTo(variables.expand(httapi.required(params + "[@name='gateway-url']/@value")));
        assertThat(simulated.timeout())
                .isEqualTo(Duration.ofSeconds(Long.parseLong(httapi.required(params + "[@name='timeout']/@value"))));
        assertThat(simulated.conferenceProfile())
                .isEqualTo(httapi.required(PROFILE + "/conference/param[@name='default-profile']/@value"));
    }
}
