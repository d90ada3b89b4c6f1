package org.baraza.daemon.esl;

/** A FreeSWITCH node the daemon drives over its Event Socket (inbound mode). */
public record SwitchNode(String name, String host, int port, String password) {

    /** {@code host:port}, as the ESL client names its servers. */
    String address() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return "FreeSWITCH " + name + " (" + address() + ")";
    }
}
