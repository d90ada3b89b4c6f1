package org.baraza.sim.internal.channel;

/** A channel's read and write codec: loopback legs carry L16, SIP legs PCMU, both at 8 kHz. */
public record Codec(String name, int rate, int bitRate) {
    public static final Codec L16 = new Codec("L16", 8000, 128000);
    public static final Codec PCMU = new Codec("PCMU", 8000, 64000);
}
