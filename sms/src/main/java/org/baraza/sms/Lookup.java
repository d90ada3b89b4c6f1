package org.baraza.sms;

import java.util.List;

/**
 * What a provider says it holds of a message that may have reached it: the answer to
 * {@link SmsGateway#find}.
 */
public sealed interface Lookup {

    /** Every message the provider holds with the same sender, recipient and text since the time asked, newest first. */
    record Matches(List<SendResult.Accepted> messages) implements Lookup {
        public Matches {
            messages = List.copyOf(messages);
        }
    }

    /** The provider could not be asked now (it failed, or timed out): ask again later, send nothing meanwhile. */
    record Failed(SendResult.Retryable why) implements Lookup {
    }

    /** The provider has no way to tell: whoever sends again takes the risk of a second copy. */
    record Unsupported() implements Lookup {
    }
}
