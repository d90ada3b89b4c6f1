package org.baraza.sms.keyword;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a text is read for keywords: accents dropped ({@code Stóp} is {@code STOP}), upper case, split on any
 * run of white space, and punctuation around a word ignored ({@code "stop."}, {@code "*SUB*"}). The text
 * stored is never this: it is only what keywords are compared with. Stateless.
 */
final class Words {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACE = Pattern.compile("[\\s\\p{Z}]+");
    private static final Pattern EDGES = Pattern.compile("^[\\p{P}\\p{S}]+|[\\p{P}\\p{S}]+$");

    private Words() {
    }

    /** One word or phrase as keywords are compared: no accents, upper case, single spaces, no punctuation around words. */
    static String normalize(String text) {
        return String.join(" ", of(text));
    }

    /** The words of a text, normalized; empty for a blank text. */
    static List<String> of(String text) {
        if (text == null) {
            return List.of();
        }
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return SPACE.splitAsStream(plain.toUpperCase(Locale.ROOT))
                .map(word -> EDGES.matcher(word).replaceAll(""))
                .filter(word -> !word.isEmpty())
                .toList();
    }
}
