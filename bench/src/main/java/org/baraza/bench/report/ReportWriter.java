package org.baraza.bench.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes a {@link RunReport} into a directory: {@code report.json} (the record as it is), {@code report.md} (for a
 * reader, and for the README) and one PNG per plot, beside them. Stateless.
 */
public final class ReportWriter {

    public static final String JSON = "report.json";
    public static final String MARKDOWN = "report.md";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    /** Writes it all under {@code directory} (made if missing); returns the files written. */
    public static List<Path> write(RunReport report, Path directory) {
        try {
            Files.createDirectories(directory);
            List<Path> written = new ArrayList<>();
            Path json = directory.resolve(JSON);
            MAPPER.writeValue(json.toFile(), report);
            written.add(json);
            Path markdown = directory.resolve(MARKDOWN);
            Files.writeString(markdown, MarkdownReport.render(report));
            written.add(markdown);
            for (ScenarioResult scenario : report.scenarios()) {
                for (Plot plot : scenario.plots()) {
                    Path png = directory.resolve(plot.file());
                    try (OutputStream out = Files.newOutputStream(png)) {
                        Plots.png(plot, out);
                    }
                    written.add(png);
                }
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Reads a {@code report.json} back: for tests, and for comparing runs. */
    public static RunReport read(Path json) {
        try {
            return MAPPER.readValue(json.toFile(), RunReport.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + json + ": " + e.getMessage(), e);
        }
    }
}
