package org.baraza.core.program;

import java.time.Instant;

import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.ProgramId;

/**
 * A show a network airs: its type decides how it runs, its config how that type is set up. A program
 * is scheduled on stations; its hosts are read with {@link ProgramStore#hosts}.
 */
public record Program(
        ProgramId id,
        NetworkId networkId,
        String name,
        ProgramType type,
        ProgramConfig config,
        String language,
        String description,
        Instant createdAt,
        Instant updatedAt) {

    public ProgramDetails details() {
        return new ProgramDetails(name, type, config, language, description);
    }
}
