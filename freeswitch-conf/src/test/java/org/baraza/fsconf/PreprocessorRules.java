package org.baraza.fsconf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Lines that FreeSWITCH 1.10's pre-processor would mangle without a word ({@code preprocess} in
 * {@code src/switch_xml.c}, which reads each file line by line before the XML parser sees it):
 * <ul>
 *   <li>a line containing {@code <include>}, {@code </include>} or {@code <?} is dropped whole, so the
 *       wrappers must stand alone and nothing else may contain them, comments included;</li>
 *   <li>a line mentioning {@code X-PRE-PROCESS} is taken for a directive even inside a comment (and
 *       carried out), or dropped when it is not one;</li>
 *   <li>{@code <!--#} opens a directive too.</li>
 * </ul>
 * A well-formed file can break in FreeSWITCH for any of these, which is why they are checked apart from
 * the XML. Stateless.
 */
final class PreprocessorRules {

    private static final Pattern DIRECTIVE =
            Pattern.compile("\\s*<X-PRE-PROCESS cmd=\"(set|include)\" data=\"[^\"]*\"/>\\s*");

    private PreprocessorRules() {
    }

    /** What is wrong in the text, one line each ("file:line: ..."); empty when nothing is. */
    static List<String> violations(String file, String text) {
        List<String> found = new ArrayList<>();
        List<String> lines = text.lines().toList();
        boolean inComment = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = file + ":" + (i + 1) + ": ";
            String trimmed = line.strip();
            if ((line.contains("<include>") || line.contains("</include>"))
                    && !trimmed.equals("<include>") && !trimmed.equals("</include>")) {
                found.add(where + "<include> and </include> must stand alone on their line (FreeSWITCH drops the line)");
            }
            if (line.contains("<?") && !(i == 0 && trimmed.startsWith("<?xml "))) {
                found.add(where + "\"<?\" outside an XML declaration (FreeSWITCH drops the line)");
            }
            if (line.contains("<!--#")) {
                found.add(where + "\"<!--#\" is a FreeSWITCH directive, not a comment");
            }
            if (line.toLowerCase(Locale.ROOT).contains("x-pre-process")) {
                if (inComment) {
                    found.add(where + "X-PRE-PROCESS inside a comment (FreeSWITCH still reads it)");
                } else if (!DIRECTIVE.matcher(line).matches()) {
                    found.add(where + "X-PRE-PROCESS must be a whole set or include directive alone on its line");
                }
            }
            inComment = commentOpenAtEnd(line, inComment);
        }
        return found;
    }

    private static boolean commentOpenAtEnd(String line, boolean open) {
        int at = 0;
        while (true) {
            int next = line.indexOf(open ? "-->" : "<!--", at);
            if (next < 0) {
                return open;
            }
            at = next + (open ? 3 : 4);
            open = !open;
        }
    }
}
