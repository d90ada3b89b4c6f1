package org.baraza.app;

import java.time.Clock;

import org.baraza.core.config.BarazaConfig;
import org.baraza.core.db.Database;
import org.baraza.core.db.Stores;
import org.baraza.daemon.StationDaemon;
import org.baraza.server.TelephonyServer;

import picocli.CommandLine.Command;

/** {@code baraza all}: the telephony server and a station daemon in one process, for a small installation. */
@Command(name = "all", mixinStandardHelpOptions = true,
        description = {"Run the telephony server and a station daemon in one process, for small installations: the"
                + " daemon connects to the server's own hub. Configured as `baraza server` and `baraza daemon` are."})
final class AllCommand extends LongRunningCommand {

    @Override
    AutoCloseable start(BarazaConfig config, Database database) {
        Stores stores = Stores.on(database.jdbi());
        TelephonyServer server = TelephonyServer.start(config, stores, Clock.systemUTC());
        StationDaemon daemon;
        AutoCloseable sms;
        try {
            daemon = StationDaemon.start(DaemonCommand.settings(config, server.hubEndpoint()), database.dataSource(), stores,
                    Clock.systemUTC());
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        try {
            sms = SmsSending.start(config, stores, Clock.systemUTC());
        } catch (RuntimeException e) {
            daemon.close();
            server.close();
            throw e;
        }
        say("baraza all: mod_httapi at http://" + config.server().bindAddress() + ":" + server.httpPort()
                + "/httapi, hub at " + server.hubEndpoint() + ", daemon " + config.daemon().id() + " on FreeSWITCH "
                + config.freeSwitch().nodeName() + " at " + config.freeSwitch().eslHost() + ":"
                + config.freeSwitch().eslPort() + ", running on " + database.describe() + "; stop with Ctrl-C");
        return () -> {
            sms.close();
            daemon.close();
            server.close();
        };
    }
}
