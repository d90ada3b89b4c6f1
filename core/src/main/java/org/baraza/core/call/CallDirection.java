package org.baraza.core.call;

/** Whether the phone network brought a call or leg to Baraza (inbound) or Baraza placed it (outbound). */
public enum CallDirection {
    INBOUND,
    OUTBOUND
}
