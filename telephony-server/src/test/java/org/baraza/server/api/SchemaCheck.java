package org.baraza.server.api;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A structural check of JSON against the subset of JSON Schema the API description uses: {@code $ref} into the
 * document, {@code type} (one or a list, {@code null} included), {@code required}, {@code properties},
 * {@code items}, {@code enum} and {@code oneOf} (fits when some option fits). Enough to show that a description and what the server sends agree in shape.
 */
final class SchemaCheck {

    private final JsonNode document;

    SchemaCheck(JsonNode document) {
        this.document = document;
    }

    /** What is wrong with {@code value} under {@code schema}, one line per problem; empty when it fits. */
    List<String> problems(JsonNode value, JsonNode schema) {
        List<String> problems = new ArrayList<>();
        check(value, schema, "$", problems);
        return problems;
    }

    private void check(JsonNode value, JsonNode schema, String at, List<String> problems) {
        if (schema.has("$ref")) {
            check(value, resolve(schema.get("$ref").asText()), at, problems);
            return;
        }
        if (schema.has("oneOf")) {
            boolean fits = false;
            for (JsonNode option : schema.get("oneOf")) {
                fits |= problems(value, option).isEmpty();
            }
            if (!fits) {
                problems.add(at + ": " + value + " fits none of " + schema.get("oneOf"));
            }
            return;
        }
        if (schema.has("type") && !typeFits(value, schema.get("type"))) {
            problems.add(at + ": " + value.getNodeType() + " is not " + schema.get("type"));
            return;
        }
        if (schema.has("enum") && !value.isNull()) {
            boolean listed = false;
            for (JsonNode option : schema.get("enum")) {
                listed |= option.equals(value);
            }
            if (!listed) {
                problems.add(at + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (value.isObject()) {
            for (JsonNode name : schema.path("required")) {
                if (!value.has(name.asText())) {
                    problems.add(at + ": misses " + name.asText());
                }
            }
            schema.path("properties").properties().forEach(property -> {
                if (value.has(property.getKey())) {
                    check(value.get(property.getKey()), property.getValue(), at + "." + property.getKey(), problems);
                }
            });
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), schema.get("items"), at + "[" + i + "]", problems);
            }
        }
    }

    private JsonNode resolve(String ref) {
        JsonNode node = document;
        for (String part : ref.substring(2).split("/")) {
            node = node.path(part);
        }
        if (node.isMissingNode()) {
            throw new IllegalArgumentException("the description has no " + ref);
        }
        return node;
    }

    private static boolean typeFits(JsonNode value, JsonNode type) {
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (typeFits(value, one)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> false;
        };
    }
}
