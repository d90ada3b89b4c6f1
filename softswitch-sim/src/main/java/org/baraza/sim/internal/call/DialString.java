package org.baraza.sim.internal.call;

import java.util.Optional;

/**
 * The endpoint part of an originate: the dial strings Baraza uses. {@code loopback/<ext>[/<context>]} runs
 * the simulator's dialplan on a B leg; {@code sofia/gateway/<gw>/<number>} and {@code sofia/<profile>/<user>@<host>}
 * reach a scripted phone; {@code sofia/<profile>/<user>} and {@code user/<ext>} reach a registered user;
 * {@code error/<cause>} fails at once, as FreeSWITCH's error endpoint does.
 */
sealed interface DialString {
    /** What the phone book knows this destination by. */
    String address();

    record Loopback(String extension, String context) implements DialString {
        @Override
        public String address() {
            return extension;
        }
    }

    record Gateway(String gateway, String number) implements DialString {
        @Override
        public String address() {
            return number;
        }
    }

    record SipUri(String profile, String user, String host) implements DialString {
        @Override
        public String address() {
            return user + "@" + host;
        }
    }

    record RegisteredUser(String profile, String user) implements DialString {
        @Override
        public String address() {
            return user;
        }
    }

    record Error(String cause) implements DialString {
        @Override
        public String address() {
            return cause;
        }
    }

    /** A dial string, or empty when no endpoint module of the simulator takes it (CHAN_NOT_IMPLEMENTED). */
    static Optional<DialString> parse(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length < 2 || parts[1].isEmpty()) {
            return Optional.empty();
        }
        return switch (parts[0]) {
            case "loopback" -> Optional.of(new Loopback(parts[1], parts.length > 2 ? parts[2] : "default"));
            case "error" -> Optional.of(new Error(parts[1]));
            case "user" -> Optional.of(new RegisteredUser("internal", text.substring("user/".length())));
            case "sofia" -> sofia(parts, text);
            default -> Optional.empty();
        };
    }

    private static Optional<DialString> sofia(String[] parts, String text) {
        if (parts.length < 3 || parts[2].isEmpty()) {
            return Optional.empty();
        }
        if (parts[1].equals("gateway")) {
            return parts.length < 4 || parts[3].isEmpty() ? Optional.empty()
                    : Optional.of(new Gateway(parts[2], text.substring(("sofia/gateway/" + parts[2] + "/").length())));
        }
        String target = text.substring(("sofia/" + parts[1] + "/").length());
        int at = target.indexOf('@');
        if (at > 0 && at < target.length() - 1) {
            return Optional.of(new SipUri(parts[1], target.substring(0, at), target.substring(at + 1)));
        }
        return Optional.of(new RegisteredUser(parts[1], target));
    }
}
