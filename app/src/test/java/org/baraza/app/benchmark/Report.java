package org.baraza.app.benchmark;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;

import org.HdrHistogram.Histogram;

/** The benchmark's figures as Markdown, ready for the README; values recorded in microseconds, shown in ms. */
final class Report {

    private final StringBuilder out = new StringBuilder();

    /** The machine the figures come from: cores, CPU, OS, Java, heap and collector. */
    static String machine() {
        Runtime runtime = Runtime.getRuntime();
        String collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%d cores (%s), %s %s %s, Java %s (%s %s), max heap %d MB, %s",
                runtime.availableProcessors(), cpuModel(), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"), Runtime.version(), System.getProperty("java.vm.vendor"),
                System.getProperty("java.vm.name"), runtime.maxMemory() / (1024 * 1024), collectors);
    }

    /** The machine's load averages, as /proc/loadavg gives them: other work on the machine shows here. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse("CPU model unknown");
        } catch (IOException e) {
            return "CPU model unknown";
        }
    }

    Report line(String text) {
        out.append(text).append('\n');
        return this;
    }

    Report latencyTable() {
        return line("| measure | n | p50 | p90 | p99 | p99.9 | max |").line("|---|---|---|---|---|---|---|");
    }

    Report latency(String measure, Histogram h) {
        return line(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s | %s |", measure, h.getTotalCount(),
                ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)), ms(h.getValueAtPercentile(99)),
                ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue())));
    }

    Report throughputTable() {
        return line("| endpoint | clients | answered | requests/s | failed |").line("|---|---|---|---|---|");
    }

    Report throughput(String endpoint, ClosedLoop.Result r) {
        return line(String.format(Locale.ROOT, "| %s | %d | %,d in %.1f s | %,.0f | %,d |", endpoint, r.clients(), r.answered(),
                r.seconds(), r.perSecond(), r.failed()));
    }

    /** Milliseconds to three significant figures, at most three decimals. */
    static String ms(long micros) {
        double ms = micros / 1000.0;
        String text = ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms) : ms >= 10 ? String.format(Locale.ROOT, "%.1f", ms)
                : ms >= 1 ? String.format(Locale.ROOT, "%.2f", ms) : String.format(Locale.ROOT, "%.3f", ms);
        return text + " ms";
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
