package org.baraza.core;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The value rules the domain records check on construction, each failing with an
 * {@link DomainException.Invalid} that names the field. The database holds the same rules as
 * constraints; checking here first gives the person a message about their input, not about SQL.
 */
public final class Require {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private Require() {
    }

    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new DomainException.Invalid(field + " is required");
        }
        return value;
    }

    /** Lower-case letters, digits and inner dashes, at most 64: used in URLs and names. */
    public static String slug(String field, String value) {
        if (value == null || !SLUG.matcher(value).matches()) {
            throw new DomainException.Invalid(field + " must be 1 to 64 lower-case letters, digits and inner dashes, got \""
                    + value + "\"");
        }
        return value;
    }

    /** A name people read: trimmed, 1 to 200 characters. */
    public static String displayName(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new DomainException.Invalid(field + " must not be empty");
        }
        String trimmed = value.strip();
        if (trimmed.length() > 200) {
            throw new DomainException.Invalid(field + " must be at most 200 characters");
        }
        return trimmed;
    }

    /** Optional free text: null stays null, otherwise at most {@code max} characters. */
    public static String optionalText(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new DomainException.Invalid(field + " must be at most " + max + " characters");
        }
        return value;
    }

    public static String languageTag(String field, String value) {
        if (value == null || !LANGUAGE_TAG.matcher(value).matches()) {
            throw new DomainException.Invalid(field + " must be a language tag such as en, sw or pt-BR, got \"" + value + "\"");
        }
        return value;
    }

    public static List<String> languageTags(String field, List<String> values, int min, int max) {
        if (values == null || values.size() < min || values.size() > max) {
            throw new DomainException.Invalid(field + " must list " + min + " to " + max + " languages");
        }
        values.forEach(value -> languageTag(field, value));
        return List.copyOf(values);
    }

    /** Required text kept exactly as given (not trimmed), of {@code min} to {@code max} characters. */
    public static String text(String field, String value, int min, int max) {
        if (value == null || value.length() < min || value.length() > max) {
            String length = min == max ? String.valueOf(min) : min + " to " + max;
            throw new DomainException.Invalid(field + " must be " + length + " characters, got "
                    + (value == null ? "none" : value.length()));
        }
        return value;
    }

    public static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new DomainException.Invalid(field + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }
}
