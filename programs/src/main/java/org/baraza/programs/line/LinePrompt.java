package org.baraza.programs.line;

import java.util.Locale;

/**
 * The prompts the listener line plays, by their names in {@code etc/prompts/prompts.tsv} (and the files
 * generated from it); a station that records its own keeps these names. The number prompts ("0" to "20")
 * come from {@link Prompts#number}.
 */
public enum LinePrompt {
    /** "For English, press" (each language in its own words), followed by the number of its key. */
    LANGUAGE_CHOICE,
    /** The main menu: "Welcome. Press 1 to listen live. Press 2 to leave a message ... Press 3 to speak on air." */
    WELCOME,
    /** "Hello, this is your radio station calling you back." */
    CALLBACK_WELCOME,
    /** "Sorry, that is not one of the choices." */
    NOT_A_CHOICE,
    /** "Please leave your message after the tone. Press hash when you are done." */
    LEAVE_MESSAGE,
    /** "Thank you. Your message has been recorded." */
    MESSAGE_SAVED,
    /** "There is no live show right now. Press 2 to leave a message instead." */
    NO_LIVE_SHOW,
    /** "You are waiting to speak on air. Please hold, and listen to the show." */
    PLEASE_HOLD,
    /** "The station is off the air now. Please call again later." */
    OFF_AIR,
    /** "Thank you for calling. Goodbye." */
    GOODBYE,
    /** After the main menu while a poll is open: "To vote in today's poll, press 4." */
    POLL_OFFER,
    /** "Today's poll. Press the key of your answer." (a station may record its own, reading its question) */
    POLL_QUESTION,
    /** "Answer", followed by an answer's number: "answer two". */
    POLL_ANSWER,
    /** "press", followed by a key: "answer two, press two". */
    PRESS,
    /** "Thank you. Your vote is counted." */
    VOTE_COUNTED,
    /** "You have already voted in this poll." */
    ALREADY_VOTED,
    /** "Sorry, your vote could not be counted. Please try again later." */
    VOTE_NOT_COUNTED,
    /** "There is no poll open." */
    NO_POLL;

    /** The prompt's name: its file name without the extension ({@code not-a-choice}). */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
