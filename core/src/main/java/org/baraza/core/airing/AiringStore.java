package org.baraza.core.airing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.MediaAssetId;
import org.baraza.core.Ids.ScheduleId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.airing.AiringItem.ItemKind;
import org.baraza.core.airing.AiringItem.ItemOutcome;

/**
 * The as-aired log: airings as planned and as they went, with their gaps and items. Each status change is
 * one atomic statement that checks the airing's current status, so two daemons or a retried event cannot
 * move an airing twice. Thread-safe and stateless.
 */
public interface AiringStore {

    /**
     * Plans an airing, {@link AiringStatus#SCHEDULED}.
     *
     * @throws org.baraza.core.DomainException.NotFound      when the station or program is not in the network, or the
     *                                                       schedule is not the station's
     * @throws org.baraza.core.DomainException.AlreadyExists when the schedule has an airing at that start already
     * @throws org.baraza.core.DomainException.Conflict      when the slot overlaps another airing on the station that is
     *                                                       not cancelled; the message names that airing
     */
    Airing plan(AiringPlan plan);

    Optional<Airing> find(AiringId id);

    /** @throws org.baraza.core.DomainException.NotFound when there is no such airing */
    Airing get(AiringId id);

    /** The airing planned for a schedule's occurrence at {@code plannedStart}, if there is one. */
    Optional<Airing> findOccurrence(ScheduleId schedule, Instant plannedStart);

    /** The station's airings whose planned slot overlaps {@code [from, to)}, whatever their status, by planned start. */
    List<Airing> list(StationId station, Instant from, Instant to);

    /** The airing on air on the station now (the one that went on air last, should a late one still run). */
    Optional<Airing> currentlyOnAir(StationId station);

    /**
     * Scheduled to preparing: the transmitter is being dialled and the conference set up.
     *
     * @param conferenceName the FreeSWITCH conference that will be its on-air bus; null when not known yet
     * @throws org.baraza.core.DomainException.Conflict when the airing is not scheduled
     */
    Airing markPreparing(AiringId id, String conferenceName);

    /**
     * Scheduled or preparing to on air, from {@code at}.
     *
     * @throws org.baraza.core.DomainException.Conflict when the airing is on air already or over
     */
    Airing markOnAir(AiringId id, Instant at);

    /**
     * On air to aired: it ran to its end at {@code at}. Gaps still open close at that time, and items still
     * playing end then as interrupted.
     *
     * @throws org.baraza.core.DomainException.Conflict when the airing is not on air
     * @throws org.baraza.core.DomainException.Invalid  when {@code at} is before it went on air
     */
    Airing markAired(AiringId id, Instant at);

    /** As {@link #markAired}, for an airing that stopped early or with a part missing. */
    Airing markPartial(AiringId id, Instant at);

    /**
     * To failed, for a cause, from any status that is not final. An airing that was on air goes off air at
     * {@code at}, closing its gaps and items as {@link #markAired} does.
     *
     * @throws org.baraza.core.DomainException.Conflict when the airing is over already
     */
    Airing markFailed(AiringId id, String cause, Instant at);

    /**
     * Scheduled or preparing to missed: its slot passed without it going on air.
     *
     * @throws org.baraza.core.DomainException.Conflict when the airing went on air or is over
     */
    Airing markMissed(AiringId id);

    /**
     * Scheduled or preparing to cancelled; the slot is free for another airing.
     *
     * @throws org.baraza.core.DomainException.Conflict when the airing went on air or is over
     */
    Airing cancel(AiringId id);

    /**
     * Records that the airing went silent at {@code at}.
     *
     * @throws org.baraza.core.DomainException.Conflict when the airing is not on air
     */
    AiringGap openGap(AiringId airing, Instant at, String cause);

    /**
     * Records that the silence ended at {@code at}.
     *
     * @throws org.baraza.core.DomainException.Conflict when the gap is closed already
     * @throws org.baraza.core.DomainException.Invalid  when {@code at} is before it began
     */
    AiringGap closeGap(long gap, Instant at);

    /** The airing's gaps, in order. */
    List<AiringGap> gaps(AiringId airing);

    /**
     * Records that something began to play on air at {@code at}.
     *
     * @param media the media file that plays, when it is one of Baraza's; else null
     * @throws org.baraza.core.DomainException.Conflict when the airing is not on air
     * @throws org.baraza.core.DomainException.NotFound when the media asset does not exist
     */
    AiringItem startItem(AiringId airing, ItemKind kind, MediaAssetId media, String label, Instant at);

    /**
     * Records that an item stopped at {@code at}, and how.
     *
     * @param detail what went wrong, when something did; else null
     * @throws org.baraza.core.DomainException.Conflict when the item ended already
     * @throws org.baraza.core.DomainException.Invalid  when {@code at} is before it began
     */
    AiringItem endItem(long item, Instant at, ItemOutcome outcome, String detail);

    /** The airing's items, in the order they began. */
    List<AiringItem> items(AiringId airing);

    /**
     * Adds a note to the airing's log, whatever its status.
     *
     * @throws org.baraza.core.DomainException.NotFound when there is no such airing
     * @throws org.baraza.core.DomainException.Invalid  when the text is empty or longer than 1,000 characters
     */
    AiringNote addNote(AiringId airing, Instant at, String text);

    /** The airing's notes, in order. */
    List<AiringNote> notes(AiringId airing);
}
