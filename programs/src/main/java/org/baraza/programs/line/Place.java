package org.baraza.programs.line;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything the line remembers of a call between requests, carried in the document's params. mod_httapi
 * keeps a param until a document sets it again (a param left out, or set empty, keeps its last value), so
 * every document sets all five.
 *
 * @param phase    where the call is
 * @param language the caller's language, one of the station's
 * @param tries    how many times the menu of {@code phase} has been played (0 when the phase has no menu)
 * @param fill     the index of the next filler file to play a caller off air (taken modulo the filler's size)
 * @param poll     the id of the poll whose answers the caller was read (the one their key votes in, and the one the
 *                 main menu no longer offers them); 0 for none
 */
record Place(Phase phase, String language, int tries, int fill, long poll) {

    static final String PHASE = "bz_step";
    static final String LANGUAGE = "bz_lang";
    static final String TRIES = "bz_tries";
    static final String FILL = "bz_fill";
    static final String POLL = "bz_poll";
    /** The params the line sets on every document, and reads back. */
    static final Set<String> PARAMS = Set.of(PHASE, LANGUAGE, TRIES, FILL, POLL);

    /** A count as the line writes it: no sign, no leading zero, at most nine digits (so no overflow). */
    private static final Pattern COUNT = Pattern.compile("0|[1-9][0-9]{0,8}");
    /** An id as the line writes it: a count of up to eighteen digits (a positive long). */
    private static final Pattern ID = Pattern.compile("0|[1-9][0-9]{0,17}");

    /** A call's first request: nothing remembered, in the station's first language. */
    static Place fresh(Settings settings) {
        return new Place(Phase.NEW, settings.firstLanguage(), 0, 0, 0);
    }

    /**
     * Where {@code params} say the call is; {@link #fresh} when they say nothing, or anything the line
     * never writes (an unknown phase, a language the station does not offer, a count or an id out of range).
     */
    static Place read(Map<String, String> params, Settings settings) {
        Optional<Phase> phase = Phase.named(params.get(PHASE));
        String language = params.get(LANGUAGE);
        OptionalInt tries = count(params.get(TRIES));
        OptionalInt fill = count(params.get(FILL));
        String poll = params.get(POLL);
        // language == null first: the station's list is immutable, and its contains(null) throws.
        if (phase.isEmpty() || language == null || !settings.languages().contains(language) || tries.isEmpty()
                || tries.getAsInt() > settings.menuTries() || fill.isEmpty() || poll == null || !ID.matcher(poll).matches()) {
            return fresh(settings);
        }
        return new Place(phase.get(), language, tries.getAsInt(), fill.getAsInt(), Long.parseLong(poll));
    }

    Map<String, String> params() {
        return Map.of(PHASE, phase.param(), LANGUAGE, language, TRIES, Integer.toString(tries), FILL, Integer.toString(fill),
                POLL, Long.toString(poll));
    }

    /** At {@code phase}, having played its menu {@code tries} times. */
    Place at(Phase phase, int tries) {
        return new Place(phase, language, tries, fill, poll);
    }

    /** At a phase with no menu. */
    Place at(Phase phase) {
        return at(phase, 0);
    }

    Place in(String language) {
        return new Place(phase, language, tries, fill, poll);
    }

    Place filled(int fill) {
        return new Place(phase, language, tries, fill, poll);
    }

    /** Having been read the answers of poll {@code id}. */
    Place polled(long id) {
        return new Place(phase, language, tries, fill, id);
    }

    private static OptionalInt count(String value) {
        return value != null && COUNT.matcher(value).matches() ? OptionalInt.of(Integer.parseInt(value)) : OptionalInt.empty();
    }
}
