package org.baraza.core.sms;

/** Whether a listener sent the message to a station (inbound) or Baraza sends it (outbound). */
public enum SmsDirection {
    INBOUND,
    OUTBOUND
}
