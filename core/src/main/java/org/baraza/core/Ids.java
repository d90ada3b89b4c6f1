package org.baraza.core;

/** The typed ids of Baraza's domain. Each is a value: equal when the numbers are equal. */
public final class Ids {
    private Ids() {
    }

    public record NetworkId(long value) implements LongId {
        @Override
        public String toString() {
            return "network " + value;
        }
    }

    public record StationId(long value) implements LongId {
        @Override
        public String toString() {
            return "station " + value;
        }
    }

    public record HostId(long value) implements LongId {
        @Override
        public String toString() {
            return "host " + value;
        }
    }

    public record CallerId(long value) implements LongId {
        @Override
        public String toString() {
            return "caller " + value;
        }
    }

    public record UserId(long value) implements LongId {
        @Override
        public String toString() {
            return "user " + value;
        }
    }

    public record MediaAssetId(long value) implements LongId {
        @Override
        public String toString() {
            return "media asset " + value;
        }
    }

    public record PlaylistId(long value) implements LongId {
        @Override
        public String toString() {
            return "playlist " + value;
        }
    }

    public record ProgramId(long value) implements LongId {
        @Override
        public String toString() {
            return "program " + value;
        }
    }

    public record ScheduleId(long value) implements LongId {
        @Override
        public String toString() {
            return "schedule " + value;
        }
    }

    public record AiringId(long value) implements LongId {
        @Override
        public String toString() {
            return "airing " + value;
        }
    }

    public record RecordingId(long value) implements LongId {
        @Override
        public String toString() {
            return "recording " + value;
        }
    }

    public record SmsMessageId(long value) implements LongId {
        @Override
        public String toString() {
            return "SMS message " + value;
        }
    }

    public record PollId(long value) implements LongId {
        @Override
        public String toString() {
            return "poll " + value;
        }
    }

    public record PollOptionId(long value) implements LongId {
        @Override
        public String toString() {
            return "poll option " + value;
        }
    }

    public record CallbackId(long value) implements LongId {
        @Override
        public String toString() {
            return "call-back " + value;
        }
    }
}
