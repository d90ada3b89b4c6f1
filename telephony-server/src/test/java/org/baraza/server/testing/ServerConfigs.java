package org.baraza.server.testing;

import java.nio.file.Path;
import java.time.Duration;

import org.baraza.core.config.BarazaConfig;
import org.baraza.core.config.ConfigLoader;
import org.baraza.core.config.ConsoleConfig;
import org.baraza.core.config.FreeSwitchConfig;
import org.baraza.core.config.ServerConfig;

/** Configurations for a telephony server under test: the defaults, on ports of its own, in a directory of its own. */
public final class ServerConfigs {

    private ServerConfigs() {
    }

    /** The default configuration, on free ports, with media and recordings under {@code directory}. */
    public static BarazaConfig onFreePorts(Path directory) {
        return onFreePorts(directory, ConfigLoader.defaults().console());
    }

    public static BarazaConfig onFreePorts(Path directory, ConsoleConfig console) {
        BarazaConfig defaults = ConfigLoader.defaults();
        ServerConfig s = defaults.server();
        FreeSwitchConfig f = defaults.freeSwitch();
        return new BarazaConfig(defaults.database(),
                new ServerConfig("127.0.0.1", 0, s.publicUrl(), Webhook.USER, Webhook.PASSWORD, "tcp://127.0.0.1:0",
                        Duration.ofMillis(800), s.maxRequestBytes()),
                new FreeSwitchConfig(f.nodeName(), f.eslHost(), f.eslPort(), f.eslPassword(), f.conferenceProfile(),
                        f.anchorDialString(), directory.resolve("media"), directory.resolve("recordings"),
                        f.outboundDialTemplate()),
                defaults.daemon(), defaults.sms(), defaults.log(), console);
    }
}
