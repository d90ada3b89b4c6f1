package org.baraza.core.db;

import org.baraza.core.access.ApiTokenStore;
import org.baraza.core.access.SessionStore;
import org.baraza.core.airing.AiringStore;
import org.baraza.core.alert.AlertStore;
import org.baraza.core.audit.AuditLog;
import org.baraza.core.call.CallStore;
import org.baraza.core.call.CallbackStore;
import org.baraza.core.call.InboundCalls;
import org.baraza.core.lease.LeaseStore;
import org.baraza.core.media.MediaStore;
import org.baraza.core.media.PlaylistStore;
import org.baraza.core.ops.OpsQueries;
import org.baraza.core.people.CallerStore;
import org.baraza.core.people.HostStore;
import org.baraza.core.people.Secrets;
import org.baraza.core.people.UserStore;
import org.baraza.core.poll.PollStore;
import org.baraza.core.program.ProgramStore;
import org.baraza.core.recording.RecordingStore;
import org.baraza.core.schedule.ScheduleStore;
import org.baraza.core.sms.SmsOutbox;
import org.baraza.core.sms.SmsStore;
import org.baraza.core.sms.SubscriptionStore;
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
        ProgramStore programs,
        ScheduleStore schedules,
        AiringStore airings,
        CallStore calls,
        InboundCalls inboundCalls,
        RecordingStore recordings,
        LeaseStore leases,
        AuditLog audit,
        SmsStore sms,
        SmsOutbox outbox,
        SubscriptionStore subscriptions,
        PollStore polls,
        CallbackStore callbacks,
        AlertStore alerts,
        SessionStore sessions,
        ApiTokenStore apiTokens,
        OpsQueries ops) {

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
                new JdbiProgramStore(jdbi),
                new JdbiScheduleStore(jdbi),
                new JdbiAiringStore(jdbi),
                new JdbiCallStore(jdbi),
                new JdbcInboundCalls(jdbi),
                new JdbiRecordingStore(jdbi),
                new JdbiLeaseStore(jdbi),
                new JdbiAuditLog(jdbi),
                new JdbiSmsStore(jdbi),
                new JdbiSmsOutbox(jdbi),
                new JdbiSubscriptionStore(jdbi),
                new JdbiPollStore(jdbi),
                new JdbiCallbackStore(jdbi),
                new JdbiAlertStore(jdbi),
                new JdbiSessionStore(jdbi),
                new JdbiApiTokenStore(jdbi),
                new JdbiOpsQueries(jdbi));
    }
}
