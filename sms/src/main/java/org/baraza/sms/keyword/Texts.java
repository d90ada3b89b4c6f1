package org.baraza.sms.keyword;

import java.util.EnumMap;
import java.util.Map;

/** A table of texts per language for an enum of messages (replies, notices), each filled with {@code %s} values. */
final class Texts {

    private Texts() {
    }

    /** One text per constant of {@code type}, in declaration order. */
    static <E extends Enum<E>> Map<E, String> of(Class<E> type, String... texts) {
        E[] constants = type.getEnumConstants();
        if (texts.length != constants.length) {
            throw new IllegalStateException("every " + type.getSimpleName() + " needs a text: " + texts.length + " of "
                    + constants.length);
        }
        Map<E, String> map = new EnumMap<>(type);
        for (E constant : constants) {
            map.put(constant, texts[constant.ordinal()]);
        }
        return Map.copyOf(map);
    }

    /** The text of {@code constant} in {@code language} (its primary tag), or English, filled with {@code values}. */
    static <E extends Enum<E>> String in(Map<String, Map<E, String>> table, E constant, String language, Object... values) {
        Map<E, String> texts = table.getOrDefault(Vocabulary.primary(language), table.get(Vocabulary.ENGLISH));
        return String.format(texts.get(constant), values);
    }
}
