package org.baraza.fsconf;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.w3c.dom.Element;

/**
 * One extension of a dialplan file, with its pre-processor variables expanded, and the part of
 * mod_dialplan_xml's matching the tests need: an extension runs when every condition's regular expression
 * finds a match in its field (a missing field reads as empty). Actions are listed in order across the
 * conditions; anti-actions are not modelled. Immutable.
 */
record DialplanExtension(String name, List<Condition> conditions, List<Action> actions) {

    record Condition(String field, String expression) {
    }

    record Action(String application, String data) {
    }

    /** The extensions of a dialplan file, in order. */
    static List<DialplanExtension> in(String file, PreprocessorVariables variables) {
        ConfigFile dialplan = ShippedConfiguration.xml(file);
        return dialplan.elements("//extension").stream().map(extension -> read(extension, variables)).toList();
    }

    /** The extensions of the file that a call with these fields would run. */
    static List<DialplanExtension> matching(String file, Map<String, String> fields) {
        return in(file, PreprocessorVariables.shipped()).stream().filter(extension -> extension.matches(fields)).toList();
    }

    boolean matches(Map<String, String> fields) {
        return conditions.stream().allMatch(condition ->
                Pattern.compile(condition.expression()).matcher(fields.getOrDefault(condition.field(), "")).find());
    }

    private static DialplanExtension read(Element extension, PreprocessorVariables variables) {
        List<Condition> conditions = ConfigFile.elements(extension, "condition").stream()
                .map(condition -> new Condition(condition.getAttribute("field"),
                        variables.expand(condition.getAttribute("expression"))))
                .toList();
        List<Action> actions = ConfigFile.elements(extension, "condition/action").stream()
                .map(action -> new Action(action.getAttribute("application"), variables.expand(action.getAttribute("data"))))
                .toList();
        return new DialplanExtension(extension.getAttribute("name"), conditions, actions);
    }
}
