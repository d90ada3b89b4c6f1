package org.baraza.sim.internal.esl;

import java.nio.charset.StandardCharsets;

/** The bytes of every frame mod_event_socket writes to a client, with its exact header order and spacing. */
final class EslFrames {
    static final byte[] AUTH_REQUEST = ascii("Content-Type: auth/request\n\n");

    /** What FreeSWITCH says before closing a connection (send_disconnect in mod_event_socket.c). */
    static final byte[] GOODBYE = disconnectNotice("Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n");

    private EslFrames() {
    }

    static byte[] commandReply(String replyText) {
        return utf8("Content-Type: command/reply\nReply-Text: " + replyText + "\n\n");
    }

    static byte[] backgroundJobAccepted(String jobUuid) {
        return utf8("Content-Type: command/reply\nReply-Text: +OK Job-UUID: " + jobUuid + "\nJob-UUID: " + jobUuid
                + "\n\n");
    }

    static byte[] apiResponse(String body) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        return join(ascii("Content-Type: api/response\nContent-Length: " + content.length + "\n\n"), content);
    }

    /** An event frame: Content-Length comes before Content-Type here, unlike every other frame. */
    static byte[] event(byte[] encoded, EventFormat format) {
        return join(ascii("Content-Length: " + encoded.length + "\nContent-Type: text/event-" + format.wireName()
                + "\n\n"), encoded);
    }

    static byte[] disconnectNotice(String message) {
        byte[] content = message.getBytes(StandardCharsets.UTF_8);
        return join(ascii("Content-Type: text/disconnect-notice\nContent-Length: " + content.length + "\n\n"), content);
    }

    private static byte[] join(byte[] head, byte[] body) {
        byte[] out = new byte[head.length + body.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
