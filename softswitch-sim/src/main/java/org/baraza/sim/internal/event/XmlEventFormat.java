package org.baraza.sim.internal.event;

import java.nio.charset.StandardCharsets;

/**
 * Serialises an event as switch_event_xmlize and switch_xml_toxml do for {@code text/event-xml}: an
 * {@code <event>} with a {@code <headers>} element holding one element per header (value URL-encoded),
 * then {@code <Content-Length>} and {@code <body>} when there is a body. The transcripts record no XML
 * subscriber; this follows the FreeSWITCH source.
 */
final class XmlEventFormat {
    private XmlEventFormat() {
    }

    static byte[] encode(SwitchEvent event) {
        StringBuilder out = new StringBuilder(4096).append("<event>\n  <headers>\n");
        for (Header h : event.headers()) {
            out.append("    <").append(h.name()).append('>').append(escape(FreeswitchUrlEncoding.encode(h.value())))
                    .append("</").append(h.name()).append(">\n");
        }
        out.append("  </headers>\n");
        String body = event.body();
        if (body != null && !body.isEmpty()) {
            out.append("  <Content-Length>").append(body.getBytes(StandardCharsets.UTF_8).length)
                    .append("</Content-Length>\n  <body>").append(escape(body)).append("</body>\n");
        }
        return out.append("</event>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
