package org.baraza.bench.report;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine and JVM the figures come from, and how loaded the machine was: other work on it shows in the
 * load averages, and absolute figures from a loaded machine are noise. Immutable.
 *
 * @param loadBefore the 1, 5 and 15 minute load averages when the run began
 * @param loadAfter  the same when it ended
 */
public record Machine(int cores, String cpu, String os, String java, String vm, long maxHeapMiB, List<String> collectors,
                      String loadBefore, String loadAfter) {

    public Machine {
        collectors = List.copyOf(collectors);
    }

    /** This machine and JVM now, with the load averages as they are; {@link #ended} adds the load at the end. */
    public static Machine now() {
        Runtime runtime = Runtime.getRuntime();
        return new Machine(runtime.availableProcessors(), cpuModel(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                Runtime.version().toString(), System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name"),
                runtime.maxMemory() / (1024 * 1024),
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList(),
                loadAverage(), null);
    }

    /** The same, with the load averages at the end of the run. */
    public Machine ended() {
        return new Machine(cores, cpu, os, java, vm, maxHeapMiB, collectors, loadBefore, loadAverage());
    }

    /** The load averages as /proc/loadavg gives them, or "unknown" off Linux. */
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
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
