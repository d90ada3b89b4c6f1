package org.baraza.sim.internal.httapi;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Matches collected DTMF against the {@code <bind>} patterns of a playback or record, as FreeSWITCH's digit
 * machine does: a pattern starting with {@code ~} is a regular expression the digits must match whole,
 * anything else must be typed exactly. Pure.
 */
final class DigitCollector {
    /** What the digits so far amount to. */
    sealed interface Verdict permits Matched, Partial, NoMatch {
    }

    record Matched(HttapiDocument.Bind bind, String digits) implements Verdict {
    }

    record Partial() implements Verdict {
    }

    record NoMatch() implements Verdict {
    }

    private DigitCollector() {
    }

    static Verdict check(List<HttapiDocument.Bind> binds, String digits) {
        boolean partial = false;
        for (HttapiDocument.Bind bind : binds) {
            String pattern = bind.pattern().trim();
            if (pattern.startsWith("~")) {
                try {
                    var m = Pattern.compile(pattern.substring(1)).matcher(digits);
                    if (m.matches()) {
                        return new Matched(bind, digits);
                    }
                    partial |= m.hitEnd();
                } catch (PatternSyntaxException e) {
                    // A pattern FreeSWITCH could not compile matches nothing there either.
                }
            } else if (pattern.equals(digits)) {
                return new Matched(bind, digits);
            } else if (pattern.startsWith(digits)) {
                partial = true;
            }
        }
        return partial ? new Partial() : new NoMatch();
    }

    /** The digits with every character of {@code strip} cut off where it first appears, as httapi strips. */
    static String strip(String digits, String strip) {
        if (strip == null) {
            return digits;
        }
        String out = digits;
        for (char c : strip.toCharArray()) {
            int at = out.indexOf(c);
            if (at >= 0) {
                out = out.substring(0, at);
            }
        }
        return out;
    }
}
