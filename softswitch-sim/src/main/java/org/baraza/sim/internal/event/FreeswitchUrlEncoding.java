package org.baraza.sim.internal.event;

import java.nio.charset.StandardCharsets;

/**
 * FreeSWITCH's own URL encoding (switch_url_encode), used for the values of plain events and for the query
 * string mod_httapi sends. It differs from {@link java.net.URLEncoder}: it keeps {@code / ( ) , ! * ' ~ $}
 * and letters, encodes {@code space : @ = & + ; < > ? # [ ] { } | ^ " `} and every byte outside printable
 * ASCII, and leaves an existing {@code %XX} escape alone instead of encoding its percent sign again (so
 * {@code %d} becomes {@code %25d} but {@code %3A} stays). Pure; safe for any thread.
 */
public final class FreeswitchUrlEncoding {
    private static final String UNSAFE = "\r\n \"#%&+:;<=>?@[\\]^`{|}";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private FreeswitchUrlEncoding() {
    }

    public static String encode(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean existingEscape = b == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]);
            if (!existingEscape && (b < ' ' || b > '~' || UNSAFE.indexOf(b) >= 0)) {
                out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xf]);
            } else {
                out.append((char) b);
            }
        }
        return out.toString();
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }
}
