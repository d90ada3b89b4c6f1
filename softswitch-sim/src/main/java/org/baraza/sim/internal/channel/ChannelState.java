package org.baraza.sim.internal.channel;

/** switch_channel_state_t: the running states of a channel, with FreeSWITCH's numbers. */
public enum ChannelState {
    CS_NEW(0), CS_INIT(1), CS_ROUTING(2), CS_SOFT_EXECUTE(3), CS_EXECUTE(4), CS_EXCHANGE_MEDIA(5), CS_PARK(6),
    CS_CONSUME_MEDIA(7), CS_HIBERNATE(8), CS_RESET(9), CS_HANGUP(10), CS_REPORTING(11), CS_DESTROY(12), CS_NONE(13);

    private final int number;

    ChannelState(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }
}
