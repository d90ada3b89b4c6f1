package org.baraza.programs.line;

/**
 * Where a station's recorded prompts are: the station daemon's answer (its prompts folder, a station's own
 * recordings before Baraza's defaults). Implementations do no I/O on these calls (they name files, they do
 * not check them) and are safe to call from any thread.
 */
public interface Prompts {

    /** The absolute file of the prompt {@code name} (one of {@link LinePrompt}'s names) in {@code language}. */
    String path(String language, String name);

    /** The absolute file that says the number {@code n} (0 to 20) in {@code language}. */
    String number(String language, int n);
}
