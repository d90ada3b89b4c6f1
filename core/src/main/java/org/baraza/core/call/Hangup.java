package org.baraza.core.call;

import java.time.Instant;
import java.util.regex.Pattern;

import org.baraza.core.DomainException;
import org.baraza.core.Require;

/**
 * How and when a leg ended, as FreeSWITCH reported it, checked on construction.
 *
 * @param cause          FreeSWITCH's {@code Hangup-Cause} ({@code NORMAL_CLEARING}, {@code USER_BUSY},
 *                       {@code NO_ANSWER}, ...); null when the leg was found gone without a report
 * @param sipDisposition {@code variable_sip_hangup_disposition} ({@code recv_bye}, {@code send_bye},
 *                       {@code send_refuse}, ...); null for a leg that is not SIP or did not say
 */
public record Hangup(Instant at, String cause, String sipDisposition) {

    private static final Pattern CAUSE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final Pattern SIP_DISPOSITION = Pattern.compile("[a-z_]{1,40}");

    public Hangup {
        Require.present("hangup time", at);
        if (cause != null && !CAUSE.matcher(cause).matches()) {
            throw new DomainException.Invalid("a hangup cause must be upper-case letters, digits and '_' such as"
                    + " NORMAL_CLEARING, got \"" + cause + "\"");
        }
        if (sipDisposition != null && !SIP_DISPOSITION.matcher(sipDisposition).matches()) {
            throw new DomainException.Invalid("a SIP hangup disposition must be lower-case letters and '_' such as"
                    + " recv_bye, got \"" + sipDisposition + "\"");
        }
    }
}
