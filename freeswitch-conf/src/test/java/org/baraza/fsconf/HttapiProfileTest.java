package org.baraza.fsconf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/** The "baraza" profile of mod_httapi grants what Baraza's call documents need, and nothing more. */
class HttapiProfileTest {

    /** set-params, set-vars, get-vars, execute-apps (a short list) and the conference tag; off: everything else. */
    private static final Set<String> GRANTED = Set.of("set-params", "set-vars", "get-vars", "execute-apps", "conference");
    private static final Set<String> APPLICATIONS = Set.of("conference", "playback", "sleep", "answer");
    private static final Set<String> VARIABLES = Set.of("baraza_station", "baraza_airing", "baraza_role", "baraza_leg");

    private final ConfigFile httapi = ShippedConfiguration.xml("autoload_configs/httapi.conf.xml");
    private final Element profile = httapi.elements("/configuration/profiles/profile[@name='baraza']").getFirst();

    @Test
    void theProfileGrantsExactlyThePermissionsBarazaNeeds() {
        HttapiPermissions permissions = HttapiPermissions.of(profile);

        assertThat(permissions.granted()).containsExactlyInAnyOrderElementsOf(GRANTED);
        assertThat(permissions.unknown()).as("permission names mod_httapi would silently ignore").isEmpty();
    }

    /** answer among them: mod_httapi 1.10 has no answer tag, so Baraza answers with an execute. */
    @Test
    void documentsMayExecuteOnlyConferencePlaybackSleepAndAnswer() {
        assertAllowsOnly(HttapiPermissions.of(profile).executeApps(), APPLICATIONS, "bridge", "system");
    }

    @Test
    void documentsMaySetOnlyBarazasOwnChannelVariables() {
        assertAllowsOnly(HttapiPermissions.of(profile).setVars(), VARIABLES, "api_hangup_hook", "execute_on_answer");
    }

    @Test
    void wideningThePermissionsIsNoticed() {
        assertThat(HttapiPermissions.of(withPermission("<permission name=\"dial-full-originate\" value=\"true\"/>")).granted())
                .as("a dial-* permission turns dial back on").contains("dial");
        assertThat(HttapiPermissions.of(withPermission("<permission name=\"all\" value=\"true\"/>")).granted())
                .containsAll(HttapiPermissions.KNOWN);
        assertThat(HttapiPermissions.of(withPermission("<permission name=\"none\" value=\"true\"/>")).granted())
                .as("mod_httapi's \"none\" set to true grants everything").containsAll(HttapiPermissions.KNOWN);
        assertThat(HttapiPermissions.of(withPermission("<permission name=\"expand_vars\" value=\"true\"/>")).unknown())
                .containsExactly("expand_vars");

        Element anyVariable = copy();
        Element setVars = ConfigFile.elements(anyVariable, "permissions/permission[@name='set-vars']").getFirst();
        setVars.removeChild(ConfigFile.elements(setVars, "variable-list").getFirst());
        assertThat(HttapiPermissions.of(anyVariable).setVars().allows("api_hangup_hook"))
                .as("set-vars without a list lets any variable be set").isTrue();

        Element anyApplication = copy();
        ConfigFile.elements(anyApplication, "permissions/permission[@name='execute-apps']").getFirst()
                .setAttribute("default", "allow");
        assertThat(HttapiPermissions.of(anyApplication).executeApps().allows("bridge"))
                .as("the list's default is read from the permission element").isTrue();

        Element moreApplications = copy();
        Element list = ConfigFile.elements(moreApplications, "permissions/permission[@name='execute-apps']/application-list")
                .getFirst();
        Element bridge = moreApplications.getOwnerDocument().createElement("application");
        bridge.setAttribute("name", "bridge");
        list.appendChild(bridge);
        assertThat(HttapiPermissions.of(moreApplications).executeApps().allowedNames()).contains("bridge");
    }

    @Test
    void requestsUseFreeSwitchsDefaultMethodWithinATimeLimit() {
        String params = "/configuration/profiles/profile[@name='baraza']/params/param";

        assertThat(httapi.value(params + "[@name='method']/@value"))
                .as("no fixed method: GET with the channel data, multipart POST for uploads").isEmpty();
        assertThat(Integer.parseInt(httapi.required(params + "[@name='timeout']/@value"))).isBetween(2, 30);
    }

    /** A list that names exactly {@code allowed} and denies everything else, {@code refused} among it. */
    private static void assertAllowsOnly(HttapiPermissions.AccessList list, Set<String> allowed, String... refused) {
        assertThat(list.everything()).as("a list is given").isFalse();
        assertThat(list.defaultAllow()).as("the list's default").isFalse();
        assertThat(list.allowedNames()).containsExactlyInAnyOrderElementsOf(allowed);
        assertThat(refused).allSatisfy(name -> assertThat(list.allows(name)).as(name).isFalse());
    }

    private Element copy() {
        return (Element) profile.cloneNode(true);
    }

    /** A copy of the shipped profile with one more permission at the end, where it counts last. */
    private Element withPermission(String xml) {
        Element copy = copy();
        Element permissions = ConfigFile.elements(copy, "permissions").getFirst();
        try {
            Element added = ShippedConfiguration.parse(xml).getDocumentElement();
            permissions.appendChild(copy.getOwnerDocument().importNode(added, true));
        } catch (SAXException e) {
            throw new AssertionError(e);
        }
        return copy;
    }
}
