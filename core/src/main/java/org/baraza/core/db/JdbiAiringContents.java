package org.baraza.core.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.MediaAssetId;
import org.baraza.core.Require;
import org.baraza.core.airing.AiringGap;
import org.baraza.core.airing.AiringItem;
import org.baraza.core.airing.AiringItem.ItemKind;
import org.baraza.core.airing.AiringItem.ItemOutcome;
import org.baraza.core.airing.AiringNote;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The gaps and items of airings, for {@link JdbiAiringStore}. Gaps and items are added only to an airing that
 * is on air, checked in the statement that adds them; an empty result means it was not (or does not exist).
 */
final class JdbiAiringContents {

    interface Sql {
        @SqlQuery("select * from airing_gaps where id = :gap")
        Optional<AiringGap> findGap(long gap);

        @SqlQuery("select * from airing_gaps where airing_id = :airing order by started_at, id")
        List<AiringGap> gaps(AiringId airing);

        @SqlQuery("select * from airing_items where id = :item")
        Optional<AiringItem> findItem(long item);

        @SqlQuery("select * from airing_items where airing_id = :airing order by started_at, id")
        List<AiringItem> items(AiringId airing);

        @SqlQuery("select * from airing_notes where airing_id = :airing order by at, id")
        List<AiringNote> notes(AiringId airing);
    }

    /*
     * The statements a station runs as it airs go through Jdbi's fluent API: an on-demand SqlObject builds a handler
     * for each of its interface's methods on every call.
     */

    private static final String OPEN_GAP = """
            insert into airing_gaps (airing_id, started_at, cause)
            select id, :at, :cause from airings where id = :airing and status = 'on_air'
            returning *
            """;

    private static final String CLOSE_GAP = "update airing_gaps set ended_at = :at where id = :gap and ended_at is null returning *";

    private static final String START_ITEM = """
            insert into airing_items (airing_id, kind, media_asset_id, label, started_at)
            select id, lower(:kind), :media, :label, :at from airings where id = :airing and status = 'on_air'
            returning *
            """;

    private static final String END_ITEM = """
            update airing_items set ended_at = :at, outcome = lower(:outcome), detail = :detail
             where id = :item and ended_at is null
            returning *
            """;

    private static final String ADD_NOTE = "insert into airing_notes (airing_id, at, text) values (:airing, :at, :text) returning *";

    private final Jdbi jdbi;
    private final Sql sql;

    JdbiAiringContents(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.sql = RecordRows.onDemand(jdbi, Sql.class, AiringGap.class, AiringItem.class, AiringNote.class);
    }

    /** Empty when the airing is not on air. */
    Optional<AiringGap> openGap(AiringId airing, Instant at, String cause) {
        Require.present("gap start", at);
        String checkedCause = Require.text("gap cause", cause, 1, 500);
        return jdbi.withHandle(h -> h.createQuery(OPEN_GAP).bind("airing", airing).bind("at", at).bind("cause", checkedCause)
                .mapTo(AiringGap.class).findOne());
    }

    AiringGap closeGap(long gap, Instant at) {
        Require.present("gap end", at);
        return Constraints.on("airing_gaps_order", () -> new DomainException.Invalid(
                        "gap " + gap + " cannot end at " + at + ", before it began"))
                .run(() -> jdbi.withHandle(h -> h.createQuery(CLOSE_GAP).bind("gap", gap).bind("at", at)
                        .mapTo(AiringGap.class).findOne()))
                .orElseThrow(() -> {
                    AiringGap found = sql.findGap(gap).orElseThrow(() -> new DomainException.NotFound("gap " + gap + " does not exist"));
                    return new DomainException.Conflict("gap " + gap + " of " + found.airingId() + " ended already, at " + found.endedAt());
                });
    }

    List<AiringGap> gaps(AiringId airing) {
        return sql.gaps(airing);
    }

    /** Empty when the airing is not on air. */
    Optional<AiringItem> startItem(AiringId airing, ItemKind kind, MediaAssetId media, String label, Instant at) {
        Require.present("item kind", kind);
        Require.present("item start", at);
        String checkedLabel = Require.optionalText("item label", label, 500);
        return Constraints.on("airing_items_media_fk", () -> new DomainException.NotFound(media + " does not exist"))
                .run(() -> jdbi.withHandle(h -> h.createQuery(START_ITEM).bind("airing", airing).bind("kind", kind)
                        .bindByType("media", media, MediaAssetId.class).bindByType("label", checkedLabel, String.class)
                        .bind("at", at).mapTo(AiringItem.class).findOne()));
    }

    AiringItem endItem(long item, Instant at, ItemOutcome outcome, String detail) {
        Require.present("item end", at);
        Require.present("item outcome", outcome);
        String checkedDetail = Require.optionalText("item detail", detail, 1000);
        return Constraints.on("airing_items_order", () -> new DomainException.Invalid(
                        "item " + item + " cannot end at " + at + ", before it began"))
                .run(() -> jdbi.withHandle(h -> h.createQuery(END_ITEM).bind("item", item).bind("at", at).bind("outcome", outcome)
                        .bindByType("detail", checkedDetail, String.class).mapTo(AiringItem.class).findOne()))
                .orElseThrow(() -> {
                    AiringItem found = sql.findItem(item).orElseThrow(() -> new DomainException.NotFound("item " + item + " does not exist"));
                    return new DomainException.Conflict("item " + item + " of " + found.airingId() + " ended already, at " + found.endedAt());
                });
    }

    List<AiringItem> items(AiringId airing) {
        return sql.items(airing);
    }

    AiringNote addNote(AiringId airing, Instant at, String text) {
        Require.present("note time", at);
        if (text == null || text.isBlank()) {
            throw new DomainException.Invalid("an airing note must not be empty");
        }
        String checkedText = Require.text("airing note", text.strip(), 1, 1000);
        return Constraints.on("airing_notes_airing_fk", () -> new DomainException.NotFound(airing + " does not exist"))
                .run(() -> jdbi.withHandle(h -> h.createQuery(ADD_NOTE).bind("airing", airing).bind("at", at).bind("text", checkedText)
                        .mapTo(AiringNote.class).one()));
    }

    List<AiringNote> notes(AiringId airing) {
        return sql.notes(airing);
    }
}
