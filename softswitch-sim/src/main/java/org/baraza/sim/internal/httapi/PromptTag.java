package org.baraza.sim.internal.httapi;

import java.time.Duration;

import org.baraza.sim.internal.call.FilePlayer;
import org.baraza.sim.internal.call.Interruption;
import org.baraza.sim.internal.channel.HangupCause;

/**
 * {@code <playback file name error-file input-timeout digit-timeout loops terminators><bind>...</bind></playback>}
 * as parse_playback runs it: play the file; with binds, listen for keys during the file and for
 * {@code input-timeout} after it; keys matching a bind are submitted as {@code <name>=<digits>&input_type=dtmf};
 * no match plays the error file and tries again, {@code loops} more times, then submits
 * {@code <name>=invalid&input_type=invalid}. Without binds the file plays once and the document goes on.
 * Hears the leg's keys through the session while it runs.
 */
final class PromptTag implements TagInput {
    private final HttapiSession session;
    private final HttapiDocument.Tag tag;
    private final Runnable next;
    private final String name;
    private final Duration inputTimeout;
    private final Duration digitTimeout;
    private final String terminators;
    private int triesLeft;
    private String digits = "";
    private FilePlayer.Playing playing;
    private boolean listening;
    private boolean done;

    PromptTag(HttapiSession session, HttapiDocument.Tag tag, Runnable next) {
        this.session = session;
        this.tag = tag;
        this.next = next;
        String n = tag.attribute("name");
        this.name = n == null || n.isBlank() ? "dialed_digits" : n;
        this.inputTimeout = Duration.ofMillis(millis(tag.attribute("input-timeout"), 5000));
        this.digitTimeout = Duration.ofMillis(millis(tag.attribute("digit-timeout"), 1500));
        this.terminators = tag.attribute("terminators") == null ? "" : tag.attribute("terminators");
        int loops = (int) millis(tag.attribute("loops"), 0);
        this.triesLeft = loops < 0 ? Integer.MAX_VALUE : loops + 1;
    }

    void start() {
        String file = tag.attribute("file");
        boolean input = !tag.binds().isEmpty();
        if ((file == null || file.isBlank()) && !input) {
            file = tag.text();
        }
        if (file == null || file.isBlank()) {
            session.board().hangup(session.leg(), HangupCause.DESTINATION_OUT_OF_ORDER);
            session.end();
            return;
        }
        session.listen(this);
        attempt(file);
    }

    private void attempt(String file) {
        triesLeft--;
        digits = "";
        listening = !tag.binds().isEmpty();
        playing = session.board().player().play(session.leg(), file, outcome -> afterFile(file));
    }

    private void afterFile(String file) {
        if (done || !session.leg().isUp()) {
            return;
        }
        if (tag.binds().isEmpty()) {
            finish();
            return;
        }
        if (digits.isEmpty()) {
            session.run().after(inputTimeout, () -> noMatch(file));
        }
    }

    @Override
    public void digit(char d) {
        if (done || !listening) {
            return;
        }
        if (playing != null) {
            playing.stopForInput();
        }
        if (terminators.indexOf(d) >= 0) {
            decide(true, tag.attribute("file"));
            return;
        }
        digits += d;
        decide(false, tag.attribute("file"));
    }

    private void decide(boolean terminated, String file) {
        DigitCollector.Verdict verdict = DigitCollector.check(tag.binds(), digits);
        switch (verdict) {
            case DigitCollector.Matched matched -> {
                session.oneTime(name, DigitCollector.strip(matched.digits(), matched.bind().strip()));
                session.oneTime("input_type", "dtmf");
                String action = matched.bind().action() != null ? matched.bind().action() : tag.attribute("action");
                if (action != null) {
                    session.param("url", action);
                }
                finish();
            }
            case DigitCollector.Partial partial -> {
                if (terminated) {
                    noMatch(file);
                } else {
                    session.run().after(digitTimeout, () -> noMatch(file));
                }
            }
            case DigitCollector.NoMatch nomatch -> noMatch(file);
        }
    }

    private void noMatch(String file) {
        if (done || !session.leg().isUp()) {
            return;
        }
        listening = false;
        String errorFile = tag.attribute("error-file");
        Runnable retry = () -> {
            if (triesLeft > 0) {
                attempt(file);
            } else {
                finish();
            }
        };
        if (errorFile != null) {
            session.oneTime(name, "invalid");
            session.oneTime("input_type", "invalid");
            session.board().player().play(session.leg(), errorFile, outcome -> {
                if (!done && session.leg().isUp()) {
                    retry.run();
                }
            });
        } else {
            retry.run();
        }
    }

    private void finish() {
        if (!done) {
            done = true;
            session.run().cancelTimer();
            session.listen(null);
            next.run();
        }
    }

    @Override
    public void stop() {
        done = true;
        if (playing != null) {
            playing.stop();
        }
    }

    private static long millis(String text, long otherwise) {
        if (text == null) {
            return otherwise;
        }
        try {
            long v = Long.parseLong(text.trim());
            return v > 0 || otherwise == 0 ? v : otherwise;
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
