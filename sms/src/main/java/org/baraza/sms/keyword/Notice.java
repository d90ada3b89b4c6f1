package org.baraza.sms.keyword;

import java.util.Map;

/**
 * The texts Baraza sends unasked: reminders before a show, alerts to a station's managers ({@code %s} are
 * filled in order, see each constant). A language without texts gets English. Immutable.
 */
public enum Notice {
    /** show, station, time */
    HOST_REMINDER,
    /** show, station, time, UNSUB, show */
    LISTENER_REMINDER,
    /** station, cause */
    TRANSMITTER_UNREACHABLE,
    /** show, station, time, cause */
    AIRING_FAILED,
    /** station, since when, cause */
    SILENCE;

    private static final Map<String, Map<Notice, String>> TEXTS = Map.of(
            Vocabulary.ENGLISH, Texts.of(Notice.class,
                    "Reminder: you present %s on %s at %s.",
                    "Reminder: %s is on %s at %s. Text %s %s to stop these reminders.",
                    "Baraza alert: %s cannot reach its transmitter phone through any of its numbers (%s). Baraza keeps trying.",
                    "Baraza alert: %s on %s at %s did not go on air: %s.",
                    "Baraza alert: nothing has been on air on %s since %s (%s)."),
            "sw", Texts.of(Notice.class,
                    "Kumbusho: unatangaza %s kwenye %s, %s.",
                    "Kumbusho: %s kiko kwenye %s, %s. Tuma %s %s kuacha vikumbusho hivi.",
                    "Tahadhari ya Baraza: %s haiwezi kufikia simu ya kisambazaji kwa namba zake zote (%s). Baraza inaendelea kujaribu.",
                    "Tahadhari ya Baraza: %s kwenye %s, %s, hakikurushwa hewani: %s.",
                    "Tahadhari ya Baraza: hakuna kilichorushwa hewani kwenye %s tangu %s (%s)."));

    /** The text in {@code language} (or English), filled with {@code values}. */
    public String in(String language, Object... values) {
        return Texts.in(TEXTS, this, language, values);
    }

    /** The word that ends a show's reminders, in {@code language} (or English): UNSUB, JITOE. */
    public static String unsubscribeWord(String language) {
        return Vocabulary.first(language).get(Keyword.UNSUB);
    }
}
