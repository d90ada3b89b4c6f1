package org.baraza.core.station;

import java.util.regex.Pattern;

import org.baraza.core.DomainException;
import org.baraza.core.Require;

/**
 * One way to reach a station's transmitter phone, as a FreeSWITCH dial string without variables
 * ({@code sofia/gateway/gsm1/0772100200}, {@code loopback/9100}). A station tries them in position order.
 */
public record DialString(int position, String dialString, String label) {

    private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9_]*/[A-Za-z0-9_.@:+/=-]{1,250}");

    public DialString {
        Require.range("dial string position", position, 1, 20);
        if (dialString == null || !SHAPE.matcher(dialString).matches()) {
            throw new DomainException.Invalid("dial string must be <endpoint>/<target>, such as sofia/gateway/gsm1/0772100200,"
                    + " without {variables}; got \"" + dialString + "\"");
        }
        label = Require.optionalText("dial string label", label, 200);
    }
}
