package org.baraza.fsconf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.baraza.core.DomainException;
import org.baraza.core.PhoneNumber;
import org.baraza.core.call.LegRole;
import org.baraza.core.config.BarazaConfig;
import org.baraza.core.config.ConfigLoader;
import org.baraza.core.config.FreeSwitchConfig;
import org.baraza.core.config.ServerConfig;
import org.junit.jupiter.api.Test;

/** Each value Baraza and FreeSWITCH must share, read on both sides: Baraza's defaults against the shipped files. */
class BarazaDefaultsAgreementTest {

    private final BarazaConfig baraza = ConfigLoader.defaults();
    private final FreeSwitchConfig freeSwitch = baraza.freeSwitch();
    private final ServerConfig server = baraza.server();
    private final PreprocessorVariables variables = PreprocessorVariables.shipped();

    @Test
    void theEventSocketListensWhereBarazaConnectsWithBarazasPassword() {
        ConfigFile eventSocket = ShippedConfiguration.xml("autoload_configs/event_socket.conf.xml");

        assertThat(expanded(eventSocket, "/configuration/settings/param[@name='listen-ip']/@value"))
                .isEqualTo(freeSwitch.eslHost());
        assertThat(expanded(eventSocket, "/configuration/settings/param[@name='listen-port']/@value"))
                .isEqualTo(String.valueOf(freeSwitch.eslPort()));
        assertThat(expanded(eventSocket, "/configuration/settings/param[@name='password']/@value"))
                .isEqualTo(freeSwitch.eslPassword());
    }

    @Test
    void modHttapiCallsBarazasWebhookWithBarazasCredentials() {
        ConfigFile httapi = ShippedConfiguration.xml("autoload_configs/httapi.conf.xml");
        String params = "//profile[@name='baraza']/params/param";

        assertThat(expanded(httapi, params + "[@name='gateway-url']/@value")).isEqualTo(server.httapiUrl().toString());
        assertThat(expanded(httapi, params + "[@name='gateway-credentials']/@value"))
                .isEqualTo(server.httapiUser() + ":" + server.httapiPassword());
        assertThat(httapi.required(params + "[@name='auth-scheme']/@value")).isEqualTo("basic");
    }

    @Test
    void theOnAirConferenceProfileIsTheOneBarazaNames() {
        ConfigFile conference = ShippedConfiguration.xml("autoload_configs/conference.conf.xml");
        ConfigFile httapi = ShippedConfiguration.xml("autoload_configs/httapi.conf.xml");

        assertThat(conference.elements("/configuration/profiles/profile"))
                .extracting(profile -> profile.getAttribute("name"))
                .containsExactly(freeSwitch.conferenceProfile());
        assertThat(httapi.required("//profile[@name='baraza']/conference/param[@name='default-profile']/@value"))
                .as("the profile mod_httapi's <conference> tag joins")
                .isEqualTo(freeSwitch.conferenceProfile());
    }

    @Test
    void barazasAnchorDialStringReachesTheAnchorExtension() {
        // loopback/<extension>[/<context>]: mod_loopback runs <extension> on the B leg, in "default" unless named.
        List<String> parts = List.of(freeSwitch.anchorDialString().split("/"));
        assertThat(parts).hasSizeBetween(2, 3);
        assertThat(parts.getFirst()).isEqualTo("loopback");
        String context = parts.size() == 3 ? parts.get(2) : "default";

        List<DialplanExtension> anchors = DialplanExtension.matching("dialplan/" + context + "/00_baraza.xml",
                Map.of("destination_number", parts.get(1), "source", "mod_loopback"));

        assertThat(anchors).extracting(DialplanExtension::name).containsExactly("baraza-anchor");
    }

    /**
     * The station daemon originates a listener's call-back with {@code baraza_role} set to the listener role
     * as it writes roles (lower case), to {@code baraza-callback XML default}; the extension must take exactly
     * that leg and name an httapi profile that exists.
     */
    @Test
    void aCallBackBarazaPlacesForAListenerReachesTheWebhook() {
        String role = LegRole.LISTENER.name().toLowerCase(Locale.ROOT);

        List<DialplanExtension> taken = DialplanExtension.matching("dialplan/default/00_baraza.xml",
                Map.of("destination_number", "baraza-callback", "${baraza_role}", role));

        assertThat(taken).extracting(DialplanExtension::name).containsExactly("baraza-callback");
        String data = taken.getFirst().actions().getFirst().data();
        String profile = data.replaceAll(".*httapi_profile=([^,}]*).*", "$1");
        assertThat(ShippedConfiguration.xml("autoload_configs/httapi.conf.xml")
                .elements("/configuration/profiles/profile[@name='" + profile + "']")).hasSize(1);
        for (LegRole other : LegRole.values()) {
            if (other != LegRole.LISTENER) {
                assertThat(DialplanExtension.matching("dialplan/default/00_baraza.xml", Map.of("destination_number",
                        "baraza-callback", "${baraza_role}", other.name().toLowerCase(Locale.ROOT))))
                        .as(other.name()).isEmpty();
            }
        }
    }

    @Test
    void freeSwitchReadsMediaWhereBarazaKeepsIt() {
        assertThat(variables.get("baraza_media_dir")).isEqualTo(freeSwitch.mediaDir().toString());
        assertThat(variables.get("baraza_recordings_dir"))
                .startsWith("/")
                .isNotEqualTo(variables.get("baraza_media_dir"));
    }

    @Test
    void theDefaultStationNumberPatternTakesExactlyTheNumbersBarazaStores() {
        Pattern stationNumbers = Pattern.compile(variables.get("baraza_station_numbers"));
        List<String> samples = List.of("+256700100007", "256700100007", "0772100200", "8822", "123", "+1234567",
                "123456789012345", "12", "1234567890123456", "+123456", "+0256700100007", "+2567001000071234",
                "256 700 100007", "256700100007#", "*123#", "baraza-anchor", "sip:8822", "");

        for (String number : samples) {
            assertThat(stationNumbers.matcher(number).find())
                    .as("\"%s\" is a station number for FreeSWITCH exactly when Baraza can store it", number)
                    .isEqualTo(barazaStores(number));
        }
    }

    private String expanded(ConfigFile file, String xpath) {
        return variables.expand(file.required(xpath));
    }

    private static boolean barazaStores(String number) {
        try {
            new PhoneNumber(number);
            return true;
        } catch (DomainException.Invalid refused) {
            return false;
        }
    }
}
