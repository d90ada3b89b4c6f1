package org.baraza.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the JVM and the machine spend, for the station-scale scenario: the heap in use after a full collection, the
 * process's CPU time (every thread of this JVM: the daemon, the server, the simulator and the load generator alike)
 * and the whole machine's busy CPU time from {@code /proc/stat} (PostgreSQL's processes and anyone else's work too).
 * Stateless.
 */
final class Resources {

    private Resources() {
    }

    /**
     * Bytes of heap in use after {@code System.gc()} (a full, stop-the-world collection with G1 unless
     * {@code -XX:+ExplicitGCInvokesConcurrent}), twice, so that what the first freed from finalization is gone too.
     */
    static long heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** This process's CPU time so far, ns (all threads). */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The machine's busy CPU time so far (all cores, everything but idle and iowait), ns; -1 off Linux. */
    static long machineBusyNanos() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(cpu[i]);
                }
            }
            // USER_HZ is 100 on every Linux this runs on.
            return busy * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
