package org.baraza.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.ProgramId;
import org.baraza.core.Ids.StationId;
import org.junit.jupiter.api.Test;

class RecurrenceTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final StationId STATION = new StationId(1);
    private static final ProgramId PROGRAM = new ProgramId(2);

    @Test
    void aLeadingRrulePrefixIsStrippedAndThePartsPutInCanonicalOrder() {
        assertThat(Recurrence.parse(" RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR ").rule()).isEqualTo("FREQ=WEEKLY;BYDAY=MO,WE,FR");
        assertThat(Recurrence.parse("BYDAY=MO;FREQ=WEEKLY").rule()).isEqualTo("FREQ=WEEKLY;BYDAY=MO");
    }

    @Test
    void aRuleTheLibraryRefusesIsInvalidWithItsReason() {
        assertThatThrownBy(() -> Recurrence.parse("FREQ=WEEKLY;BYDAY=XX"))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessage("recurrence rule FREQ=WEEKLY;BYDAY=XX is not valid: invalid weeknum: 'XX'");
        assertThatThrownBy(() -> Recurrence.parse("RRULE:FREQ=FORTNIGHTLY"))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessage("recurrence rule FREQ=FORTNIGHTLY is not valid: Unknown FREQ value FORTNIGHTLY");
        assertThatThrownBy(() -> Recurrence.parse("FREQ=DAILY;COUNT=3;UNTIL=20260101T000000Z"))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessage("recurrence rule FREQ=DAILY;COUNT=3;UNTIL=20260101T000000Z is not valid:"
                        + " UNTIL and COUNT must not occur in the same rule.");
        assertThatThrownBy(() -> Recurrence.parse("  "))
                .isInstanceOf(DomainException.Invalid.class).hasMessage("a recurrence rule must not be empty");
    }

    @Test
    void occurrencesKeepTheirLocalTimeAcrossADaylightSavingChange() {
        // British Summer Time begins on 29 March 2026.
        assertThat(Recurrence.parse("FREQ=DAILY;COUNT=3").occurrences(LocalDateTime.parse("2026-03-28T07:00"), LONDON))
                .containsExactly(
                        ZonedDateTime.parse("2026-03-28T07:00Z[Europe/London]"),
                        ZonedDateTime.parse("2026-03-29T07:00+01:00[Europe/London]"),
                        ZonedDateTime.parse("2026-03-30T07:00+01:00[Europe/London]"));
    }

    @Test
    void untilMustBeAUtcTimeWhenTheStartHasAZone() {
        Recurrence floatingUntil = Recurrence.parse("FREQ=DAILY;UNTIL=20260330T060000");
        assertThatThrownBy(() -> floatingUntil.occurrences(LocalDateTime.parse("2026-03-28T07:00"), LONDON))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessage("recurrence rule FREQ=DAILY;UNTIL=20260330T060000 must give UNTIL as a UTC time such as"
                        + " 20261231T235959Z, because the schedule's start has a time zone");
        assertThat(Recurrence.parse("FREQ=DAILY;UNTIL=20260330T060000Z").occurrences(LocalDateTime.parse("2026-03-28T07:00"), LONDON))
                .hasSize(3);
    }

    @Test
    void aScheduleMustStartOnAnOccurrenceOfItsRule() {
        // 3 March 2026 is a Tuesday.
        assertThatThrownBy(() -> ScheduleSettings.of(STATION, PROGRAM, LocalDateTime.parse("2026-03-03T07:00"), LONDON,
                Duration.ofHours(1), "FREQ=WEEKLY;BYDAY=MO"))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessage("the start 2026-03-03T07:00 (a TUESDAY) is not an occurrence of FREQ=WEEKLY;BYDAY=MO;"
                        + " its first occurrence from there is 2026-03-09T07:00");
    }

    @Test
    void aScheduleWhoseOccurrencesWouldOverlapIsRefused() {
        assertThatThrownBy(() -> ScheduleSettings.of(STATION, PROGRAM, LocalDateTime.parse("2026-03-02T07:00"), LONDON,
                Duration.ofHours(2), "FREQ=HOURLY;INTERVAL=1"))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessage("occurrences of FREQ=HOURLY overlap: the one at 2026-03-02T07:00 lasts PT2H"
                        + " and the next starts at 2026-03-02T08:00");
    }

    @Test
    void aRuleWithoutOccurrencesFromTheStartIsRefused() {
        assertThatThrownBy(() -> ScheduleSettings.of(STATION, PROGRAM, LocalDateTime.parse("2026-03-02T07:00"), LONDON,
                Duration.ofHours(1), "FREQ=DAILY;UNTIL=20260101T000000Z"))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessage("recurrence rule FREQ=DAILY;UNTIL=20260101T000000Z has no occurrence from 2026-03-02T07:00");
    }

    @Test
    void durationsAreWholeSecondsUpToADay() {
        assertThatThrownBy(() -> ScheduleSettings.of(STATION, PROGRAM, LocalDateTime.parse("2026-03-02T07:00"), LONDON,
                Duration.ZERO, null))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessage("schedule duration must be whole seconds from PT1S to PT24H, got PT0S");
        assertThatThrownBy(() -> ScheduleSettings.of(STATION, PROGRAM, LocalDateTime.parse("2026-03-02T07:00"), LONDON,
                Duration.ofMillis(1500), null))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessage("schedule duration must be whole seconds from PT1S to PT24H, got PT1.5S");
        assertThatThrownBy(() -> ScheduleSettings.of(STATION, PROGRAM, LocalDateTime.parse("2026-03-02T07:00"), LONDON,
                Duration.ofHours(1), null).withPrepareLead(Duration.ofHours(2)))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessage("schedule preparation lead must be whole seconds from PT0S to PT1H, got PT2H");
    }
}
