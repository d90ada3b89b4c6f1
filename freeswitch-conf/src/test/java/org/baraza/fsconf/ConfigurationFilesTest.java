package org.baraza.fsconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class ConfigurationFilesTest {

    @Test
    void theModuleShipsEveryFileAnOperatorCopies() {
        assertThat(ShippedConfiguration.files()).containsExactly(
                "autoload_configs/conference.conf.xml",
                "autoload_configs/event_socket.conf.xml",
                "autoload_configs/httapi.conf.xml",
                "dialplan/default/00_baraza.xml",
                "dialplan/public/00_baraza.xml",
                "sip_profiles/external/baraza-gateway.xml.template",
                "vars-baraza.xml");
    }

    @Test
    void everyFileIsWellFormedXml() {
        for (String file : ShippedConfiguration.files()) {
            assertThat(ShippedConfiguration.xml(file).document().getDocumentElement()).as(file).isNotNull();
        }
    }

    @Test
    void aFileThatIsNotWellFormedFailsWithTheParsersWords() {
        assertThatThrownBy(() -> ShippedConfiguration.parse("<include><!-- a -- b --></include>"))
                .hasMessageContaining("--");
    }

    @Test
    void everyPreprocessorVariableAFileUsesIsSetInVarsBaraza() {
        PreprocessorVariables variables = PreprocessorVariables.shipped();
        Map<String, Set<String>> undefined = new TreeMap<>();
        for (String file : ShippedConfiguration.files()) {
            Set<String> missing = new TreeSet<>(PreprocessorVariables.used(ShippedConfiguration.text(file)));
            missing.removeAll(variables.values().keySet());
            if (!missing.isEmpty()) {
                undefined.put(file, missing);
            }
        }
        assertThat(undefined).as("variables used but never set (FreeSWITCH would put nothing in their place)").isEmpty();
    }

    @Test
    void anUnsetVariableFailsToExpandRatherThanVanish() {
        assertThatThrownBy(() -> PreprocessorVariables.shipped().expand("$${baraza_no_such_thing}"))
                .hasMessageContaining("baraza_no_such_thing");
    }

    @Test
    void onlyVarsBarazaSetsVariablesEachOnceAndAllNamedBaraza() {
        List<PreprocessorVariables.Setting> settings =
                PreprocessorVariables.settings(ShippedConfiguration.text(ShippedConfiguration.VARIABLES_FILE));
        assertThat(settings).extracting(PreprocessorVariables.Setting::name)
                .doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(name).matches("baraza_[a-z_]+"));
        for (String file : ShippedConfiguration.files()) {
            if (!file.equals(ShippedConfiguration.VARIABLES_FILE)) {
                assertThat(PreprocessorVariables.settings(ShippedConfiguration.text(file))).as(file).isEmpty();
            }
        }
    }

    @Test
    void varsBarazaUsesNoVariableBeforeSettingIt() {
        String text = ShippedConfiguration.text(ShippedConfiguration.VARIABLES_FILE);
        Map<String, Integer> setOn = PreprocessorVariables.settings(text).stream()
                .collect(Collectors.toMap(PreprocessorVariables.Setting::name, PreprocessorVariables.Setting::line,
                        (first, later) -> first));
        List<String> lines = text.lines().toList();
        List<String> early = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            for (String name : PreprocessorVariables.used(lines.get(i))) {
                if (setOn.getOrDefault(name, Integer.MAX_VALUE) >= i + 1) {
                    early.add(name + " on line " + (i + 1));
                }
            }
        }
        assertThat(early).isEmpty();
    }

    @Test
    void everyValueFitsInsideAnXmlAttributeAsItIsPastedThere() {
        assertThat(PreprocessorVariables.shipped().values()).allSatisfy((name, value) ->
                assertThat(value).as(name).isNotBlank().doesNotContainPattern("[\"&<>']"));
    }

    @Test
    void noLineIsOneFreeSwitchsPreprocessorWouldMangle() {
        List<String> violations = ShippedConfiguration.files().stream()
                .flatMap(file -> PreprocessorRules.violations(file, ShippedConfiguration.text(file)).stream())
                .toList();
        assertThat(violations).isEmpty();
    }

    @Test
    void thePreprocessorRulesCatchWhatFreeSwitchWouldMangle() {
        Function<String, List<String>> check = text -> PreprocessorRules.violations("f.xml", text);
        assertThat(check.apply("<include>\n  <X-PRE-PROCESS cmd=\"set\" data=\"a=b\"/>\n</include>")).isEmpty();
        assertThat(check.apply("<include><extension/></include>")).hasSize(1);
        assertThat(check.apply("<!-- copy this into <include> -->")).hasSize(1);
        assertThat(check.apply("<!--\n  <X-PRE-PROCESS cmd=\"include\" data=\"vars-baraza.xml\"/>\n-->")).hasSize(1);
        assertThat(check.apply("<!-- the X-PRE-PROCESS line -->")).hasSize(1);
        assertThat(check.apply("<a/>\n<?xml version=\"1.0\"?>")).hasSize(1);
        assertThat(check.apply("<!--#set a=b-->")).hasSize(1);
    }
}
