package org.baraza.sim.internal.call;

/** {@code playback <file>}: plays the file and finishes (FILE PLAYED, or FILE NOT FOUND at once). */
final class PlaybackApp implements Application {
    private FilePlayer.Playing playing;

    @Override
    public void start(AppRun run) {
        playing = run.switchboard().player().play(run.leg(), run.data(), outcome -> run.finish());
    }

    @Override
    public boolean interrupt(Interruption why) {
        if (playing != null) {
            playing.stop();
        }
        return true;
    }
}
