package org.baraza.core.audit;

import java.time.Instant;
import java.util.regex.Pattern;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.Ids.UserId;
import org.baraza.core.Require;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An audit entry to append, checked on construction; {@code before} and {@code after} must be JSON.
 *
 * @param network null for what belongs to no network
 * @param station null for what belongs to no station
 * @param user    the console user who did it, when a user did
 */
public record NewAuditEntry(
        Instant occurredAt,
        NetworkId network,
        StationId station,
        String actor,
        UserId user,
        String action,
        String entityType,
        String entityId,
        String before,
        String after) {

    private static final Pattern ACTOR = Pattern.compile("[a-z]+(:\\S{1,100})?");
    private static final Pattern ACTION = Pattern.compile("[a-z_]+\\.[a-z_]+");
    private static final Pattern ENTITY_TYPE = Pattern.compile("[a-z_]{1,50}");
    // Thread-safe once configured; only reads trees. Trailing tokens would make "{} {}" pass as JSON.
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public NewAuditEntry {
        Require.present("audit time", occurredAt);
        shape("audit actor", actor, ACTOR, "user:12, system or sms:+256700100200");
        shape("audit action", action, ACTION, "schedule.create");
        shape("audit entity type", entityType, ENTITY_TYPE, "schedule");
        Require.optionalText("audit entity id", entityId, 100);
        json("audit before", before);
        json("audit after", after);
    }

    /** What a console user did. */
    public static NewAuditEntry byUser(Instant at, NetworkId network, StationId station, UserId user, String action,
            String entityType, String entityId, String before, String after) {
        Require.present("audit user", user);
        return new NewAuditEntry(at, network, station, "user:" + user.value(), user, action, entityType, entityId, before, after);
    }

    private static void shape(String field, String value, Pattern pattern, String example) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new DomainException.Invalid(field + " must look like " + example + ", got \"" + value + "\"");
        }
    }

    private static void json(String field, String value) {
        if (value == null) {
            return;
        }
        if (value.isBlank()) {
            throw new DomainException.Invalid(field + " is not JSON: it is empty");
        }
        try {
            JSON.readTree(value);
        } catch (JacksonException e) {
            throw new DomainException.Invalid(field + " is not JSON: " + e.getOriginalMessage());
        }
    }
}
