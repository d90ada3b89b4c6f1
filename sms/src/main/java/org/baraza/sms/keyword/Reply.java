package org.baraza.sms.keyword;

import java.util.Map;

/**
 * The texts Baraza answers with, per language ({@code %s} are filled in order, see each constant). A language
 * without texts gets English. The values filled in may be a listener's own words: they are plain text here, and
 * escaped by whatever renders the reply (TwiML). Immutable.
 */
public enum Reply {
    /** station */
    STOPPED,
    /** station */
    STARTED,
    /** station, SUB, UNSUB, STOP, HELP */
    HELP,
    /** show, UNSUB, show */
    SUBSCRIBED,
    /** station, UNSUB */
    SUBSCRIBED_TO_STATION,
    /** show */
    UNSUBSCRIBED,
    /** what the listener asked for, HELP */
    NO_SUCH_SHOW,
    /** the answer's label */
    VOTED,
    ALREADY_VOTED,
    /** show */
    TO_SHOW,
    /** count */
    LISTENERS,
    /** show, when */
    CANCELLED,
    /** show, when */
    POSTPONED,
    /** station */
    NO_NEXT_SHOW,
    /** show, when, the other show */
    POSTPONE_CLASHES,
    /** POSTPONE */
    POSTPONE_HOW;

    private static final Map<String, Map<Reply, String>> TEXTS = Map.of(
            Vocabulary.ENGLISH, Texts.of(Reply.class,
                    "You will get no more messages from %s. Text START to get them again.",
                    "Welcome back: you will get messages from %s again.",
                    "%s: text %s and a show's name for reminders, %s and its name to end them, %s for no messages at all."
                            + " During a poll, text your answer. During a live show, your message reaches the host. (%s)",
                    "You will be reminded before %s. Text %s %s to stop.",
                    "You will hear about %s's shows. Text %s to stop.",
                    "No more reminders of %s.",
                    "There is no show called \"%s\". Text %s for help.",
                    "Thank you: your vote for %s is counted.",
                    "You have already voted in this poll: one vote per phone.",
                    "Thank you: %s received your message.",
                    "Listeners on the line now: %s.",
                    "%s on %s is cancelled.",
                    "%s now starts on %s.",
                    "You have no show coming up on %s.",
                    "%s cannot move to %s: it would overlap %s.",
                    "Text %s and the minutes to move your next show by, such as 30."),
            "sw", Texts.of(Reply.class,
                    "Hutapokea ujumbe zaidi kutoka %s. Tuma ANZA kupokea tena.",
                    "Karibu tena: utapokea ujumbe kutoka %s tena.",
                    "%s: tuma %s na jina la kipindi kukumbushwa, %s na jina lake kuacha, %s usipokee ujumbe wowote."
                            + " Wakati wa kura, tuma jibu lako. Wakati wa kipindi cha moja kwa moja, ujumbe wako unamfikia mtangazaji. (%s)",
                    "Utakumbushwa kabla ya %s. Tuma %s %s kuacha.",
                    "Utapata habari za vipindi vya %s. Tuma %s kuacha.",
                    "Hutakumbushwa tena kuhusu %s.",
                    "Hakuna kipindi kinachoitwa \"%s\". Tuma %s kwa msaada.",
                    "Asante: kura yako kwa %s imehesabiwa.",
                    "Umeshapiga kura katika kura hii: kura moja kwa kila simu.",
                    "Asante: %s kimepokea ujumbe wako.",
                    "Wasikilizaji kwenye simu sasa: %s.",
                    "%s cha %s kimefutwa.",
                    "%s sasa kinaanza %s.",
                    "Huna kipindi kijacho kwenye %s.",
                    "%s hakiwezi kuhamia %s: kingegongana na %s.",
                    "Tuma %s na dakika za kusogeza kipindi chako kijacho, kama 30."));

    /** The text in {@code language} (or English), filled with {@code values}. */
    public String in(String language, Object... values) {
        return Texts.in(TEXTS, this, language, values);
    }
}
