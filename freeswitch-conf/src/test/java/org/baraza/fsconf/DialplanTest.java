package org.baraza.fsconf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.baraza.fsconf.DialplanExtension.Action;
import org.junit.jupiter.api.Test;

/** Calls to station numbers go to Baraza; Baraza's anchor legs answer and stay; called-back listeners go to Baraza. */
class DialplanTest {

    private static final String PUBLIC = "dialplan/public/00_baraza.xml";
    private static final String DEFAULT = "dialplan/default/00_baraza.xml";

    @Test
    void aCallToAStationNumberGoesToBarazaThroughTheBarazaHttapiProfile() {
        List<DialplanExtension> taken = DialplanExtension.matching(PUBLIC,
                Map.of("destination_number", "+256700100007", "source", "mod_sofia"));

        assertThat(taken).hasSize(1);
        assertThat(taken.getFirst().actions().getFirst()).isEqualTo(new Action("httapi", "{httapi_profile=baraza}"));
        assertThat(ShippedConfiguration.xml("autoload_configs/httapi.conf.xml")
                .elements("/configuration/profiles/profile[@name='baraza']")).hasSize(1);
    }

    @Test
    void theDialplanLeavesAnsweringToBaraza() {
        DialplanExtension stations = DialplanExtension.in(PUBLIC, PreprocessorVariables.shipped()).getFirst();

        assertThat(stations.actions()).extracting(Action::application)
                .as("a listener who rings off before an answer is called back for free; an answer would cost them")
                .doesNotContain("answer", "pre_answer", "ring_ready");
    }

    @Test
    void aCallBarazaCouldNotTakeEndsWithACauseTheNetworkAnnounces() {
        DialplanExtension stations = DialplanExtension.in(PUBLIC, PreprocessorVariables.shipped()).getFirst();

        assertThat(stations.actions().getLast()).isEqualTo(new Action("hangup", "NORMAL_TEMPORARY_FAILURE"));
    }

    @Test
    void otherNumbersAreNotTakenForStations() {
        for (String other : List.of("baraza-anchor", "12", "sip:8822@example.org", "")) {
            assertThat(DialplanExtension.matching(PUBLIC, Map.of("destination_number", other))).as(other).isEmpty();
        }
    }

    @Test
    void theAnchorLegAnswersAndParks() {
        List<DialplanExtension> anchors = DialplanExtension.matching(DEFAULT,
                Map.of("destination_number", "baraza-anchor", "source", "mod_loopback"));

        assertThat(anchors).hasSize(1);
        assertThat(anchors.getFirst().actions()).containsExactly(new Action("answer", ""), new Action("park", ""));
    }

    @Test
    void aListenerCalledBackGoesToBarazaThroughTheBarazaHttapiProfile() {
        List<DialplanExtension> taken = DialplanExtension.matching(DEFAULT,
                Map.of("destination_number", "baraza-callback", "${baraza_role}", "listener", "source", "mod_sofia"));

        assertThat(taken).extracting(DialplanExtension::name).containsExactly("baraza-callback");
        assertThat(taken.getFirst().actions()).containsExactly(new Action("httapi", "{httapi_profile=baraza}"));
    }

    @Test
    void onlyLegsBarazaPlacedForAListenerReachTheCallBack() {
        assertThat(DialplanExtension.matching(DEFAULT, Map.of("destination_number", "baraza-callback")))
                .as("a registered phone dialling baraza-callback, with no baraza_role").isEmpty();
        assertThat(DialplanExtension.matching(DEFAULT,
                Map.of("destination_number", "baraza-callback", "${baraza_role}", "host"))).isEmpty();
        assertThat(DialplanExtension.matching(DEFAULT,
                Map.of("destination_number", "baraza-callback", "${baraza_role}", "listeners"))).isEmpty();
        assertThat(DialplanExtension.matching(DEFAULT,
                Map.of("destination_number", "baraza-callback2", "${baraza_role}", "listener"))).isEmpty();
    }

    @Test
    void onlyLoopbackLegsReachTheAnchor() {
        assertThat(DialplanExtension.matching(DEFAULT, Map.of("destination_number", "baraza-anchor", "source", "mod_sofia")))
                .as("a registered phone dialling baraza-anchor").isEmpty();
        assertThat(DialplanExtension.matching(DEFAULT, Map.of("destination_number", "baraza-anchor2", "source", "mod_loopback")))
                .isEmpty();
    }
}
