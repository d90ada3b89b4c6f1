package org.baraza.fsconf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pre-processor variables a file sets, read as FreeSWITCH 1.10's pre-processor reads them
 * ({@code preprocess} in {@code src/switch_xml.c}): line by line, before any XML parsing, from
 * {@code <X-PRE-PROCESS cmd="set" data="name=value"/>}, the data split at its first "=" and both sides
 * trimmed of spaces. A later setting of a name wins, as there. Immutable.
 */
record PreprocessorVariables(Map<String, String> values) {

    /** One "set" directive: its line (from 1), the name and the value. */
    record Setting(int line, String name, String value) {
    }

    private static final Pattern SET = Pattern.compile("\\s*<X-PRE-PROCESS cmd=\"set\" data=\"([^\"=]*)=([^\"]*)\"/>\\s*");
    private static final Pattern USE = Pattern.compile("\\$\\$\\{([^}]*)}");

    PreprocessorVariables {
        values = Map.copyOf(values);
    }

    static PreprocessorVariables shipped() {
        return of(ShippedConfiguration.text(ShippedConfiguration.VARIABLES_FILE));
    }

    static PreprocessorVariables of(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        settings(text).forEach(setting -> values.put(setting.name(), setting.value()));
        return new PreprocessorVariables(values);
    }

    /** Every "set" directive in the text, in order. */
    static List<Setting> settings(String text) {
        List<Setting> settings = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher set = SET.matcher(lines.get(i));
            if (set.matches()) {
                settings.add(new Setting(i + 1, set.group(1).strip(), set.group(2).stripLeading()));
            }
        }
        return settings;
    }

    /** The names the text uses as {@code $${name}}, in order of first use. */
    static Set<String> used(String text) {
        Set<String> names = new LinkedHashSet<>();
        USE.matcher(text).results().forEach(use -> names.add(use.group(1)));
        return names;
    }

    String get(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new AssertionError("$${" + name + "} is not set in " + ShippedConfiguration.VARIABLES_FILE);
        }
        return value;
    }

    /** The text as FreeSWITCH sees it after pre-processing; an unset variable fails rather than vanish. */
    String expand(String text) {
        return USE.matcher(text).replaceAll(use -> Matcher.quoteReplacement(get(use.group(1))));
    }
}
