package org.baraza.server.api;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.baraza.core.config.ConfigLoader;
import org.baraza.core.config.ConsoleConfig;
import org.baraza.core.db.Stores;
import org.baraza.server.TelephonyServer;
import org.baraza.server.live.LiveBoard;
import org.baraza.server.testing.ServerConfigs;

/** The whole telephony server from its configuration, on free ports, for the console's tests. */
final class ConsoleServer {

    private ConsoleServer() {
    }

    static TelephonyServer start(Stores stores, Path directory) {
        return start(stores, directory, ConfigLoader.defaults().console());
    }

    static TelephonyServer start(Stores stores, Path directory, ConsoleConfig console) {
        return TelephonyServer.start(ServerConfigs.onFreePorts(directory, console), stores, Clock.systemUTC());
    }

    /** The API's route table, as the server registers it. */
    static List<ApiRoute> routes(Stores stores, Path directory) {
        return new ConsoleApi(ServerConfigs.onFreePorts(directory), stores, new LiveBoard(), Clock.systemUTC()).routes();
    }
}
