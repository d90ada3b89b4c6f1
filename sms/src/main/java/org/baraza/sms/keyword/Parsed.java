package org.baraza.sms.keyword;

import java.util.List;

/**
 * A text as the router reads it: the keyword it starts with ({@link Keyword#NONE} for none), the language that
 * keyword is in (the station's first language when there is none), and its words, normalized.
 *
 * @param words the text's words without the keyword (all of them when there is none)
 */
record Parsed(Keyword keyword, String language, List<String> words) {

    Parsed {
        words = List.copyOf(words);
    }

    /** What follows the keyword, as one normalized phrase ({@code "MORNING SHOW"}); empty when nothing does. */
    String argument() {
        return String.join(" ", words);
    }

    /** The first word (for {@link Keyword#NONE}: a poll answer's keyword, perhaps); empty for an empty text. */
    String first() {
        return words.isEmpty() ? "" : words.getFirst();
    }

    /**
     * Reads a text for a station whose languages are {@code languages} (the first is its default).
     *
     * @param body the text as received: untrusted, any length the provider allows
     */
    static Parsed of(String body, List<String> languages) {
        List<String> words = Words.of(body);
        String fallback = Vocabulary.primary(languages.getFirst());
        if (words.isEmpty()) {
            return new Parsed(Keyword.NONE, fallback, words);
        }
        return Vocabulary.match(words.getFirst(), languages)
                .map(match -> new Parsed(match.keyword(), match.language(), words.subList(1, words.size())))
                .orElseGet(() -> new Parsed(Keyword.NONE, fallback, words));
    }
}
