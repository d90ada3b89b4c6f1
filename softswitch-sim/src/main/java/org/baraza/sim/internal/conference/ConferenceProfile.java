package org.baraza.sim.internal.conference;

/**
 * The sounds a conference profile plays by itself. The transcripts were recorded with FreeSWITCH's stock
 * {@code default} profile, whose tones exist and whose alone and hold-music sounds do not (so FreeSWITCH fires
 * play-file events carrying an Error); {@link #RECORDED} reproduces exactly that. {@link #SILENT} plays
 * nothing, for a profile without sounds. Immutable.
 */
public record ConferenceProfile(String enterSound, String exitSound, String aloneSound, String holdMusic) {
    public static final ConferenceProfile RECORDED = new ConferenceProfile("tone_stream://%(200,0,500,600,700)",
            "tone_stream://%(500,0,300,200,100,50,25)",
            "/usr/local/freeswitch/sounds/en/us/callie/conference/conf-alone.wav", "local_stream://moh");

    public static final ConferenceProfile SILENT = new ConferenceProfile(null, null, null, null);
}
