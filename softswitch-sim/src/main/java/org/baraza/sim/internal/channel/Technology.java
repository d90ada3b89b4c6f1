package org.baraza.sim.internal.channel;

/** Which endpoint module made a channel; it decides the channel's name, codec and some variables. */
public enum Technology {
    LOOPBACK("mod_loopback"), SOFIA("mod_sofia"), USER("mod_sofia");

    private final String module;

    Technology(String module) {
        this.module = module;
    }

    public String module() {
        return module;
    }
}
