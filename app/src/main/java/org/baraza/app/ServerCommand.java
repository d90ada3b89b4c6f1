package org.baraza.app;

import java.time.Clock;

import org.baraza.core.config.BarazaConfig;
import org.baraza.core.db.Database;
import org.baraza.core.db.Stores;
import org.baraza.server.TelephonyServer;

import picocli.CommandLine.Command;

/** {@code baraza server}: runs the telephony server until it is stopped (Ctrl-C, SIGTERM). */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = {"Run the telephony server: FreeSWITCH's mod_httapi webhook (server.bind-address, server.port,"
                + " /httapi with server.httapi-user and -password) and the ZeroMQ hub the station daemons connect to"
                + " (server.hub-endpoint).",
                "A caller whose station has no daemon hears that the station cannot take the call; the call is logged"
                + " as missed."})
final class ServerCommand extends LongRunningCommand {

    @Override
    AutoCloseable start(BarazaConfig config, Database database) {
        Stores stores = Stores.on(database.jdbi());
        TelephonyServer server = TelephonyServer.start(config, stores, Clock.systemUTC());
        AutoCloseable sms;
        try {
            sms = SmsSending.start(config, stores, Clock.systemUTC());
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        say("baraza server: mod_httapi at http://" + config.server().bindAddress() + ":" + server.httpPort()
                + "/httapi, hub at " + server.hubEndpoint() + ", running on " + database.describe() + "; stop with Ctrl-C");
        return () -> {
            sms.close();
            server.close();
        };
    }
}
