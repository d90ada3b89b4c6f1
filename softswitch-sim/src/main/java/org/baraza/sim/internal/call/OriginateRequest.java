package org.baraza.sim.internal.call;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed {@code originate <call url> <exten>|&<app>(<args>) [<dialplan>] [<context>] [<cid_name>]
 * [<cid_num>] [<timeout_sec>]}: the {@code {var=value,...}} and {@code [var=value]} prefixes (in order; a
 * value may be quoted with single quotes to hold commas), the dial string, and what the answered leg runs.
 */
record OriginateRequest(Map<String, String> variables, String dialString, String application, String applicationData,
                        String extension, String dialplan, String context, String callerIdName, String callerIdNumber,
                        Integer timeoutSeconds) {

    static final String USAGE = "-USAGE: <call url> <exten>|&<application_name>(<app_args>) [<dialplan>] "
            + "[<context>] [<cid_name>] [<cid_num>] [<timeout_sec>]\n";

    boolean runsApplication() {
        return application != null;
    }

    static Optional<OriginateRequest> parse(String argument) {
        if (argument == null || argument.isBlank()) {
            return Optional.empty();
        }
        List<String> words = words(argument.trim());
        if (words.size() < 2) {
            return Optional.empty();
        }
        Map<String, String> variables = new LinkedHashMap<>();
        String url = words.get(0);
        while (!url.isEmpty() && (url.charAt(0) == '{' || url.charAt(0) == '[')) {
            char close = url.charAt(0) == '{' ? '}' : ']';
            int end = closing(url, close);
            if (end < 0) {
                return Optional.empty();
            }
            parseVariables(url.substring(1, end), variables);
            url = url.substring(end + 1);
        }
        if (url.isEmpty()) {
            return Optional.empty();
        }
        String target = words.get(1);
        String app = null;
        String appData = null;
        String extension = null;
        if (target.startsWith("&")) {
            int open = target.indexOf('(');
            if (open < 0) {
                app = target.substring(1);
                appData = "";
            } else {
                if (!target.endsWith(")")) {
                    return Optional.empty();
                }
                app = target.substring(1, open);
                appData = target.substring(open + 1, target.length() - 1);
            }
            if (app.isEmpty()) {
                return Optional.empty();
            }
        } else {
            extension = target;
        }
        Integer timeout = null;
        if (words.size() > 6) {
            try {
                timeout = Integer.parseInt(words.get(6));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new OriginateRequest(variables, url, app, appData, extension, word(words, 2, "XML"),
                word(words, 3, "default"), word(words, 4, null), word(words, 5, null), timeout));
    }

    private static String word(List<String> words, int index, String otherwise) {
        return words.size() > index ? words.get(index) : otherwise;
    }

    /** Splits on spaces that are outside quotes and outside {...}, [...] and (...). */
    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        char quote = 0;
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                current.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                current.append(c);
            } else if (c == '{' || c == '[' || c == '(') {
                depth++;
                current.append(c);
            } else if (c == '}' || c == ']' || c == ')') {
                depth = Math.max(0, depth - 1);
                current.append(c);
            } else if (c == ' ' && depth == 0) {
                if (!current.isEmpty()) {
                    out.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            out.add(current.toString());
        }
        return out;
    }

    private static int closing(String text, char close) {
        char quote = 0;
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'') {
                quote = c;
            } else if (c == close) {
                return i;
            }
        }
        return -1;
    }

    /** {@code a=1,b='x,y'} or, with FreeSWITCH's {@code ^^<c>} prefix, another separator. */
    private static void parseVariables(String text, Map<String, String> into) {
        char separator = ',';
        String body = text;
        if (body.startsWith("^^") && body.length() > 2) {
            separator = body.charAt(2);
            body = body.substring(3);
        }
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : body.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                addVariable(current.toString(), into);
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        addVariable(current.toString(), into);
    }

    private static void addVariable(String pair, Map<String, String> into) {
        int equals = pair.indexOf('=');
        if (equals > 0) {
            into.put(pair.substring(0, equals).trim(), pair.substring(equals + 1));
        }
    }
}
