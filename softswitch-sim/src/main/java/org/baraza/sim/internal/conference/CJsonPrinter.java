package org.baraza.sim.internal.conference;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Prints JSON the way cJSON_Print formats it, which {@code conference json_list} answers with: an object's
 * members each on their own line, indented with tabs one level deeper than the object, {@code "name":<TAB>value};
 * array elements separated by {@code ", "} on one line. Pure; safe for any thread.
 */
final class CJsonPrinter {
    private CJsonPrinter() {
    }

    static String print(JsonNode node) {
        StringBuilder out = new StringBuilder(2048);
        value(node, 0, out);
        return out.toString();
    }

    private static void value(JsonNode node, int depth, StringBuilder out) {
        if (node.isObject()) {
            object(node, depth, out);
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                value(node.get(i), depth + 1, out);
            }
            out.append(']');
        } else if (node.isTextual()) {
            out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(node.asText())).append('"');
        } else {
            out.append(node.asText());
        }
    }

    private static void object(JsonNode node, int depth, StringBuilder out) {
        out.append("{\n");
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            tabs(depth + 1, out);
            out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(field.getKey())).append("\":\t");
            value(field.getValue(), depth + 1, out);
            out.append(fields.hasNext() ? ",\n" : "\n");
        }
        tabs(depth, out);
        out.append('}');
    }

    private static void tabs(int n, StringBuilder out) {
        out.append("\t".repeat(Math.max(0, n)));
    }
}
