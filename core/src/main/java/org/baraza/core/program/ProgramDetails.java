package org.baraza.core.program;

import org.baraza.core.Require;

/**
 * What a manager sets on a program; checked on construction.
 *
 * @param language    the language it is presented in, or null when it has none (music)
 * @param description what listeners and managers read about it (at most 2,000 characters), or null
 */
public record ProgramDetails(String name, ProgramType type, ProgramConfig config, String language, String description) {

    public ProgramDetails {
        name = Require.displayName("program name", name);
        Require.present("program type", type);
        Require.present("program config", config);
        if (language != null) {
            Require.languageTag("program language", language);
        }
        Require.optionalText("program description", description, 2000);
    }

    /** A program with no settings, language or description yet. */
    public static ProgramDetails of(String name, ProgramType type) {
        return new ProgramDetails(name, type, ProgramConfig.empty(), null, null);
    }
}
