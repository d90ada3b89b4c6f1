package org.baraza.core.db;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.PollId;
import org.baraza.core.Ids.PollOptionId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.PhoneNumber;
import org.baraza.core.Require;
import org.baraza.core.poll.OptionTally;
import org.baraza.core.poll.Poll;
import org.baraza.core.poll.PollOption;
import org.baraza.core.poll.PollOptionSettings;
import org.baraza.core.poll.PollSettings;
import org.baraza.core.poll.PollStore;
import org.baraza.core.poll.PollTally;
import org.baraza.core.poll.PollVote;
import org.baraza.core.poll.VoteChannel;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.transaction.Transaction;

final class JdbiPollStore implements PollStore {

    /** A polls row; {@link #with} adds its options. Public only for Jdbi's constructor mapper; the class hides it. */
    public record Row(PollId id, StationId stationId, AiringId airingId, String question, Instant opensAt, Instant closesAt,
               Instant createdAt) {
        Poll with(List<PollOption> options) {
            return new Poll(id, stationId, airingId, question, opensAt, closesAt, createdAt, options);
        }
    }

    /** One option's number of votes; public for Jdbi's constructor mapper, like {@link Row}. */
    public record Count(PollOptionId optionId, long votes) {
    }

    interface Sql {
        @SqlQuery("""
                insert into polls (station_id, airing_id, question, opens_at, closes_at)
                values (:p.station, :p.airing, :p.question, :p.opensAt, :p.closesAt)
                returning *
                """)
        Row insert(@BindMethods("p") PollSettings settings);

        @SqlQuery("""
                insert into poll_options (poll_id, position, label, sms_keyword, dtmf_digit, missed_call_number)
                values (:poll, :o.position, :o.label, :o.smsKeyword, :o.dtmfDigit, :o.missedCallNumber)
                returning *
                """)
        PollOption insertOption(PollId poll, @BindMethods("o") PollOptionSettings option);

        @SqlQuery("select station_id from airings where id = :airing")
        Optional<StationId> stationOf(AiringId airing);

        @Transaction
        default Poll create(PollSettings settings) {
            if (settings.airing() != null) {
                stationOf(settings.airing()).filter(station -> !station.equals(settings.station())).ifPresent(station -> {
                    throw new DomainException.Invalid(settings.airing() + " is on " + station + ", not on " + settings.station());
                });
            }
            Row poll = insert(settings);
            return poll.with(settings.options().stream()
                    .sorted(Comparator.comparingInt(PollOptionSettings::position))
                    .map(option -> insertOption(poll.id(), option))
                    .toList());
        }

        @SqlQuery("select * from polls where id = :id")
        Optional<Row> find(PollId id);

        @SqlQuery("select * from poll_options where poll_id = :poll order by position")
        List<PollOption> options(PollId poll);

        @SqlQuery("""
                select * from polls where station_id = :station and opens_at <= :at and :at < closes_at
                 order by opens_at desc, id desc
                """)
        List<Row> open(StationId station, Instant at);

        @SqlQuery("select * from polls where airing_id = :airing order by opens_at, id")
        List<Row> ofAiring(AiringId airing);

        // The window is checked in the same statement that inserts, against the poll as it is.
        @SqlQuery("""
                insert into poll_votes (poll_id, option_id, voter_number, channel, cast_at)
                select p.id, :option, :voter, lower(:channel), :castAt from polls p
                 where p.id = :poll and p.opens_at <= :castAt and :castAt < p.closes_at
                returning *
                """)
        Optional<PollVote> insertVote(PollId poll, PollOptionId option, PhoneNumber voter, VoteChannel channel, Instant castAt);

        // Null ways match nothing (null = x is not true), so one statement serves the three channels.
        @SqlQuery("""
                select o.* from poll_options o join polls p on p.id = o.poll_id
                 where p.station_id = :station and p.opens_at <= :at and :at < p.closes_at
                   and (o.sms_keyword = :keyword or o.dtmf_digit = :digit or o.missed_call_number = :number)
                 order by p.opens_at desc, p.id desc
                 limit 1
                """)
        Optional<PollOption> openOption(StationId station, String keyword, String digit, PhoneNumber number, Instant at);

        @SqlQuery("select option_id, count(*) as votes from poll_votes where poll_id = :poll group by option_id")
        List<Count> counts(PollId poll);
    }

    private final Sql sql;

    JdbiPollStore(Jdbi jdbi) {
        this.sql = RecordRows.onDemand(jdbi, Sql.class, Row.class, PollOption.class, PollVote.class, Count.class);
    }

    @Override
    public Poll create(PollSettings settings) {
        List<PollOptionSettings> options = settings.options();
        return Constraints.on("polls_station_fk", () -> new DomainException.NotFound(settings.station() + " does not exist"))
                .and("polls_airing_fk", () -> new DomainException.NotFound(settings.airing() + " does not exist"))
                .and("poll_options_position_unique", () -> twice("position", options, PollOptionSettings::position))
                .and("poll_options_keyword_unique", () -> twice("keyword", options, PollOptionSettings::smsKeyword))
                .and("poll_options_digit_unique", () -> twice("key", options, PollOptionSettings::dtmfDigit))
                .and("poll_options_number_unique", () -> twice("missed-call number", options, PollOptionSettings::missedCallNumber))
                .run(() -> sql.create(settings));
    }

    @Override
    public Optional<Poll> find(PollId id) {
        return sql.find(id).map(this::withOptions);
    }

    @Override
    public Poll get(PollId id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    @Override
    public List<Poll> open(StationId station, Instant at) {
        return sql.open(station, at).stream().map(this::withOptions).toList();
    }

    @Override
    public List<Poll> ofAiring(AiringId airing) {
        return sql.ofAiring(airing).stream().map(this::withOptions).toList();
    }

    @Override
    public PollVote vote(PollId poll, PollOptionId option, PhoneNumber voter, VoteChannel channel, Instant castAt) {
        Require.present("voter number", voter);
        Require.present("vote channel", channel);
        Require.present("vote time", castAt);
        return Constraints.on("poll_votes_one_per_voter", () -> new DomainException.AlreadyExists(
                        voter + " has already voted in " + poll))
                .and("poll_votes_option_fk", () -> new DomainException.NotFound(option + " is not an option of " + poll))
                .run(() -> sql.insertVote(poll, option, voter, channel, castAt))
                .orElseThrow(() -> {
                    Row row = sql.find(poll).orElseThrow(() -> notFound(poll));
                    return new DomainException.Conflict(poll + " is not open at " + castAt
                            + "; it is open from " + row.opensAt() + " until " + row.closesAt());
                });
    }

    @Override
    public Optional<PollOption> optionByKeyword(StationId station, String keyword, Instant at) {
        Require.present("poll keyword", keyword);
        return sql.openOption(station, keyword.strip().toUpperCase(Locale.ROOT), null, null, at);
    }

    @Override
    public Optional<PollOption> optionByDigit(StationId station, String digit, Instant at) {
        return sql.openOption(station, null, Require.present("poll key", digit), null, at);
    }

    @Override
    public Optional<PollOption> optionByMissedCallNumber(StationId station, PhoneNumber number, Instant at) {
        return sql.openOption(station, null, null, Require.present("missed-call number", number), at);
    }

    @Override
    public PollTally tally(PollId poll) {
        Poll found = get(poll);
        Map<PollOptionId, Long> votes = sql.counts(poll).stream().collect(Collectors.toMap(Count::optionId, Count::votes));
        return new PollTally(poll, found.options().stream()
                .map(option -> new OptionTally(option, votes.getOrDefault(option.id(), 0L)))
                .toList());
    }

    private Poll withOptions(Row row) {
        return row.with(sql.options(row.id()));
    }

    /** The refusal of two options that share a value, naming the first value used twice. */
    private static <T> DomainException twice(String what, List<PollOptionSettings> options, Function<PollOptionSettings, T> value) {
        Set<T> seen = new HashSet<>();
        T repeated = options.stream().map(value).filter(Objects::nonNull).filter(v -> !seen.add(v)).findFirst().orElse(null);
        return new DomainException.AlreadyExists("two options of the poll have the " + what + " " + repeated);
    }

    private static DomainException notFound(PollId poll) {
        return new DomainException.NotFound(poll + " does not exist");
    }
}
