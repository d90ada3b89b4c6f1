package org.baraza.core.db;

import org.baraza.core.media.MediaStore;
import org.baraza.core.media.PlaylistStore;
import org.baraza.core.people.CallerStore;
import org.baraza.core.people.HostStore;
import org.baraza.core.people.Secrets;
import org.baraza.core.people.UserStore;
import org.baraza.core.program.ProgramStore;
import org.baraza.core.station.NetworkStore;
import org.baraza.core.station.StationStore;
import org.jdbi.v3.core.Jdbi;

/**
 * Every store, built on one {@link Jdbi}: what a composition root hands to the parts that need them.
 * The stores are stateless and thread-safe; each call uses its own connection from the pool.
 */
public record Stores(
        NetworkStore networks,
        StationStore stations,
        HostStore hosts,
        CallerStore callers,
        UserStore users,
        MediaStore media,
        PlaylistStore playlists,
        ProgramStore programs) {

    public static Stores on(Jdbi jdbi) {
        Secrets secrets = Secrets.argon2id();
        return new Stores(
                new JdbiNetworkStore(jdbi),
                new JdbiStationStore(jdbi),
                new JdbiHostStore(jdbi, secrets),
                new JdbiCallerStore(jdbi),
                new JdbiUserStore(jdbi, secrets),
                new JdbiMediaStore(jdbi),
                new JdbiPlaylistStore(jdbi),
                new JdbiProgramStore(jdbi));
    }
}
