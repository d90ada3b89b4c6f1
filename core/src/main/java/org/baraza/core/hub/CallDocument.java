package org.baraza.core.hub;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a caller's call does next, as the station decides it: a few steps FreeSWITCH carries out (the
 * telephony server renders them as a mod_httapi document), and the params that come back with the next
 * request. Values here are Baraza's (file paths, conference names), never a caller's text.
 *
 * @param params    echoed back on the call's next request: where the call is in the station's flow
 * @param variables channel variables set on the caller's leg (baraza_station, baraza_role ...)
 */
public record CallDocument(Map<String, String> params, Map<String, String> variables, List<Step> steps) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,40}");

    public CallDocument {
        params = Map.copyOf(params);
        variables = Map.copyOf(variables);
        steps = List.copyOf(steps);
        params.keySet().forEach(CallDocument::requireName);
        variables.keySet().forEach(CallDocument::requireName);
    }

    public static CallDocument of(Map<String, String> params, Step... steps) {
        return new CallDocument(params, Map.of(), List.of(steps));
    }

    /** One thing the call does. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "step")
    @JsonSubTypes({@JsonSubTypes.Type(Answer.class), @JsonSubTypes.Type(Play.class), @JsonSubTypes.Type(Menu.class),
            @JsonSubTypes.Type(Digits.class), @JsonSubTypes.Type(Join.class), @JsonSubTypes.Type(Record.class),
            @JsonSubTypes.Type(Pause.class), @JsonSubTypes.Type(Hangup.class)})
    public sealed interface Step {
    }

    /**
     * Answer the call (until then a caller hears ringing and pays nothing). Prompts before an answer would
     * go out as early media, which many mobile networks cut short.
     */
    public record Answer() implements Step {
    }

    /** Play files to the caller, one after the other. */
    public record Play(List<String> files) implements Step {
        public Play {
            files = List.copyOf(files);
        }
    }

    /**
     * Play files and collect one key among {@code keys} (e.g. "123"); the key comes back in param {@code name}.
     * No key within {@code timeout} comes back as no param.
     */
    public record Menu(List<String> files, String keys, Duration timeout, String name) implements Step {
        public Menu {
            files = List.copyOf(files);
            requireName(name);
            if (keys == null || !keys.matches("[0-9*#]{1,12}")) {
                throw new IllegalArgumentException("menu keys must be DTMF keys: " + keys);
            }
        }
    }

    /**
     * Play files and collect up to {@code maxDigits} digits ended by {@code #} (a PIN, a number); the digits,
     * without the {@code #}, come back in param {@code name}. Nothing within {@code timeout} comes back as no param.
     */
    public record Digits(List<String> files, int maxDigits, Duration timeout, String name) implements Step {
        public Digits {
            files = List.copyOf(files);
            requireName(name);
            if (maxDigits < 1 || maxDigits > 20) {
                throw new IllegalArgumentException("collect 1 to 20 digits, not " + maxDigits);
            }
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    /** Join a conference of the profile, with member flags (mute, deaf, moderator ...). */
    public record Join(String conference, String profile, Set<String> flags) implements Step {
        public Join {
            Objects.requireNonNull(conference, "conference");
            Objects.requireNonNull(profile, "profile");
            flags = Set.copyOf(flags);
        }
    }

    /** Record what the caller says into {@code file} (after a beep), for at most {@code limit}. */
    public record Record(String file, Duration limit, String beepFile, String name) implements Step {
        public Record {
            Objects.requireNonNull(file, "file");
            requireName(name);
        }
    }

    public record Pause(Duration length) implements Step {
    }

    /** End the call with FreeSWITCH's cause (NORMAL_CLEARING unless said otherwise). */
    public record Hangup(String cause) implements Step {
    }

    private static void requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a param or variable name: " + name);
        }
    }
}
