package org.baraza.core.program;

import java.math.BigDecimal;
import java.util.Locale;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.baraza.core.DomainException;

/**
 * A program type's own settings (media, playlist, host keys, ...) as a JSON object, held as canonical
 * text: keys sorted, no spaces, numbers exact. Two configs are equal when they hold the same JSON,
 * however it was written, and a config read back from the database equals the one stored. The program
 * engine checks what the keys mean; this only guarantees a well-formed object of at most 64 KiB.
 *
 * <p>Immutable; {@link #tree()} gives a fresh copy each call.
 */
public record ProgramConfig(String json) {

    private static final int MAX_LENGTH = 65_536;
    // A number like 1e999999999 is short to write and huge to print exactly; no setting needs it.
    private static final int MAX_SCALE = 1_000;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    public ProgramConfig {
        json = canonical(json);
    }

    /** The empty object: a program type with no settings, or defaults for all. */
    public static ProgramConfig empty() {
        return new ProgramConfig("{}");
    }

    /** The settings as a tree to read; changing it changes nothing here. */
    public ObjectNode tree() {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalStateException("canonical program config does not parse: " + json, e);
        }
    }

    @Override
    public String toString() {
        return json;
    }

    private static String canonical(String text) {
        if (text == null) {
            throw new DomainException.Invalid("program config is required (use {} for none)");
        }
        if (text.length() > MAX_LENGTH) {
            throw new DomainException.Invalid("program config must be at most " + MAX_LENGTH + " characters");
        }
        try {
            JsonNode tree = JSON.readTree(text);
            if (tree == null || !tree.isObject()) {
                String got = tree == null || tree.isMissingNode() ? "nothing" : tree.getNodeType().name().toLowerCase(Locale.ROOT);
                throw new DomainException.Invalid("program config must be a JSON object, got " + got);
            }
            requireStorable(tree);
            // Through plain maps, whose keys the mapper writes sorted (it does not sort a tree's fields).
            return JSON.writeValueAsString(JSON.treeToValue(tree, Object.class));
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new DomainException.Invalid("program config is not valid JSON" + where + ": " + e.getOriginalMessage());
        }
    }

    /** What PostgreSQL's jsonb cannot hold, or what no setting needs, is refused here with a clear message. */
    private static void requireStorable(JsonNode node) {
        if (node.isBigDecimal()) {
            BigDecimal number = node.decimalValue();
            if (Math.abs(number.scale()) > MAX_SCALE) {
                throw new DomainException.Invalid("program config has a number out of range: " + number);
            }
        }
        if (node.isTextual()) {
            requireNoNul(node.textValue());
        }
        node.fieldNames().forEachRemaining(ProgramConfig::requireNoNul);
        node.forEach(ProgramConfig::requireStorable);
    }

    private static void requireNoNul(String text) {
        if (text.indexOf('\0') >= 0) {
            throw new DomainException.Invalid("program config must not hold the NUL character, which jsonb cannot store");
        }
    }
}
