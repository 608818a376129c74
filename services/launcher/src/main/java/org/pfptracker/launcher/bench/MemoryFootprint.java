package org.pfptracker.launcher.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the process holds: the JVM heap in use after a collection (live objects, not garbage waiting),
 * and the resident set the operating system counts, which adds RocksDB's native memory, thread stacks,
 * code and direct buffers.
 *
 * @param heapUsedBytes heap in use after {@link System#gc()}
 * @param residentBytes VmRSS of this process, or -1 where /proc is not there (not Linux)
 */
record MemoryFootprint(long heapUsedBytes, long residentBytes) {

    private static final Path STATUS = Path.of("/proc/self/status");

    static MemoryFootprint measure() {
        // Twice: the first collection may leave objects with finalizers or references for the second.
        System.gc();
        System.gc();
        return new MemoryFootprint(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), readResidentBytes());
    }

    private static long readResidentBytes() {
        try {
            List<String> lines = Files.readAllLines(STATUS);
            for (String line : lines) {
                // "VmRSS:	  123456 kB"
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
