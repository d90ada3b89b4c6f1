package org.baraza.core;

import java.util.regex.Pattern;

/**
 * How FreeSWITCH calls a phone number: a dial string with {@code {number}} where the number goes, such as
 * {@code sofia/gateway/gsm1/{number}}. The number is a checked {@link PhoneNumber}, so nothing a caller
 * typed reaches the dial string unchecked.
 */
public record DialTemplate(String template) {

    public static final String NUMBER = "{number}";
    private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9_]*/[A-Za-z0-9_.@:+/={}-]{1,240}");

    public DialTemplate {
        if (template == null || !SHAPE.matcher(template).matches()) {
            throw new DomainException.Invalid("not a dial string template: \"" + template
                    + "\" (expected an endpoint and a target, e.g. sofia/gateway/gsm1/{number})");
        }
        int first = template.indexOf(NUMBER);
        if (first < 0 || first != template.lastIndexOf(NUMBER)) {
            throw new DomainException.Invalid("a dial string template has {number} exactly once: \"" + template + "\"");
        }
        if (template.replace(NUMBER, "").contains("{") || template.replace(NUMBER, "").contains("}")) {
            throw new DomainException.Invalid("a dial string template has no braces but {number}: \"" + template + "\"");
        }
    }

    /** The dial string that calls {@code number}. */
    public String dial(PhoneNumber number) {
        return template.replace(NUMBER, number.value());
    }

    @Override
    public String toString() {
        return template;
    }
}
