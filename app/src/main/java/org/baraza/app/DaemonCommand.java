package org.baraza.app;

import java.time.Clock;
import java.time.Duration;

import org.baraza.core.DialTemplate;
import org.baraza.core.config.BarazaConfig;
import org.baraza.core.db.Database;
import org.baraza.core.db.Stores;
import org.baraza.daemon.StationDaemon;
import org.baraza.daemon.esl.SwitchNode;
import org.baraza.daemon.notice.NoticeSettings;

import picocli.CommandLine.Command;

/** {@code baraza daemon}: runs a station daemon until it is stopped (Ctrl-C, SIGTERM). */
@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = {"Run a station daemon: it takes the stations it may run (daemon.networks), plans their airings"
                + " from their schedules, drives FreeSWITCH over its event socket (freeswitch.*) to put them on air, and"
                + " answers the telephony server (server.hub-endpoint) about callers' calls.",
                "Stopping it leaves live calls up: a daemon started again with the same daemon.id adopts them."})
final class DaemonCommand extends LongRunningCommand {

    @Override
    AutoCloseable start(BarazaConfig config, Database database) {
        StationDaemon daemon = StationDaemon.start(settings(config, config.server().hubEndpoint()), database.dataSource(),
                Stores.on(database.jdbi()), Clock.systemUTC());
        say("baraza daemon " + config.daemon().id() + ": running on " + database.describe() + ", FreeSWITCH "
                + config.freeSwitch().nodeName() + " at " + config.freeSwitch().eslHost() + ":"
                + config.freeSwitch().eslPort() + ", hub at " + config.server().hubEndpoint() + "; stop with Ctrl-C");
        return daemon;
    }

    /**
     * The daemon's settings from the configuration, connecting to the hub at {@code hubEndpoint}; it sends reminders
     * and alerts when an SMS provider is configured.
     */
    static StationDaemon.Settings settings(BarazaConfig config, String hubEndpoint) {
        var fs = config.freeSwitch();
        return new StationDaemon.Settings(config.daemon().id(),
                new SwitchNode(fs.nodeName(), fs.eslHost(), fs.eslPort(), fs.eslPassword()),
                fs.mediaDir(), fs.conferenceProfile(), fs.anchorDialString(), config.daemon().planHorizon(),
                config.daemon().leaseTtl(), Duration.ofMinutes(1), config.daemon().networks(),
                new DialTemplate(fs.outboundDialTemplate()), hubEndpoint, NoticeSettings.of(config.sms()).orElse(null));
    }
}
