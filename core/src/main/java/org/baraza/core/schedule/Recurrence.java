package org.baraza.core.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TimeZone;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.baraza.core.DomainException;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * An RFC 5545 recurrence rule ({@code FREQ=WEEKLY;BYDAY=MO,WE,FR}), checked strictly by lib-recur and kept in
 * the library's canonical form (FREQ first, as the database expects). Occurrences are computed in a time zone,
 * so 07:00 stays 07:00 local across a daylight-saving change. An immutable value.
 */
public record Recurrence(String rule) {

    private static final String PREFIX = "RRULE:";

    public Recurrence {
        rule = canonical(rule);
    }

    /** Reads a rule as a person or a calendar wrote it, with or without its leading {@code RRULE:}. */
    public static Recurrence parse(String text) {
        if (text == null || text.isBlank()) {
            throw new DomainException.Invalid("a recurrence rule must not be empty");
        }
        String rule = text.strip();
        if (rule.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            rule = rule.substring(PREFIX.length());
        }
        return new Recurrence(rule);
    }

    /**
     * The starts of the occurrences, the first being {@code first}, in order. The stream is infinite when the
     * rule has neither COUNT nor UNTIL: limit it.
     *
     * @throws DomainException.Invalid when the rule's UNTIL is a floating time or a date: with a start in a time
     *                                 zone, RFC 5545 requires a UTC time there
     */
    public Stream<ZonedDateTime> occurrences(LocalDateTime first, ZoneId zone) {
        RecurrenceRuleIterator iterator;
        try {
            iterator = parsed(rule).iterator(new DateTime(TimeZone.getTimeZone(zone), first.getYear(),
                    first.getMonthValue() - 1, first.getDayOfMonth(), first.getHour(), first.getMinute(), first.getSecond()));
        } catch (IllegalArgumentException e) {
            throw new DomainException.Invalid("recurrence rule " + rule + " must give UNTIL as a UTC time such as"
                    + " 20261231T235959Z, because the schedule's start has a time zone");
        }
        Iterator<ZonedDateTime> starts = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return iterator.hasNext();
            }

            @Override
            public ZonedDateTime next() {
                if (!iterator.hasNext()) {
                    throw new NoSuchElementException();
                }
                return Instant.ofEpochMilli(iterator.nextMillis()).atZone(zone);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(starts, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public String toString() {
        return rule;
    }

    private static String canonical(String rule) {
        if (rule == null || rule.isBlank()) {
            throw new DomainException.Invalid("a recurrence rule must not be empty");
        }
        if (rule.length() > 500) {
            throw new DomainException.Invalid("a recurrence rule must be at most 500 characters");
        }
        return parsed(rule).toString();
    }

    private static RecurrenceRule parsed(String rule) {
        try {
            // Strict: the lax modes silently drop the parts they do not understand.
            return new RecurrenceRule(rule, RecurrenceRule.RfcMode.RFC5545_STRICT);
        } catch (InvalidRecurrenceRuleException e) {
            throw new DomainException.Invalid("recurrence rule " + rule + " is not valid: " + e.getMessage());
        }
    }
}
