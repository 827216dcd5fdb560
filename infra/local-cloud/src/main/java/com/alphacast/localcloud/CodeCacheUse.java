package com.alphacast.localcloud;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/**
 * How much of the JVM's code cache, where the JIT keeps compiled code, was in use at its peak. When the cache fills,
 * HotSpot turns its compiler off for the rest of the run ("CodeCache is full. Compiler has been disabled"): whatever was
 * not compiled by then stays interpreted, and every latency measured afterwards is slower than the code. The local
 * cloud compiles every function's own copy of its code (each class loader its own SDK) in one JVM, which a load run
 * takes to about 60 MB: more than the 48 MB the JVM reserves when it runs C1 only, as the template asks of the
 * functions' JVMs on Lambda (the launcher gives this one 240 MB).
 *
 * @param peakBytes the highest use of the code cache's pools, summed (pools that peaked at different times count
 *                  each at its peak, so this never understates)
 * @param maxBytes  what the pools may grow to, summed ({@code -XX:ReservedCodeCacheSize})
 */
public record CodeCacheUse(long peakBytes, long maxBytes) {

    /**
     * Free space under which the cache counts as filled: HotSpot stops compiling when less than its
     * {@code CodeCacheMinimumUseSpace} (about 400 KB on x86-64) is left, so a peak within 1 MB of the size is taken as
     * having reached it.
     */
    static final long FILLED_MARGIN_BYTES = 1L << 20;

    public CodeCacheUse {
        if (peakBytes < 0 || maxBytes < 0) {
            throw new IllegalArgumentException("code cache sizes cannot be negative: peak " + peakBytes + ", max "
                    + maxBytes);
        }
    }

    /**
     * The code cache of this JVM: HotSpot's one {@code CodeCache} pool, or its {@code CodeHeap '…'} segments. Empty
     * sizes (0 of 0) on a JVM that reports neither.
     */
    public static CodeCacheUse ofThisJvm() {
        long peak = 0;
        long max = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            String name = pool.getName();
            if (pool.getType() == MemoryType.NON_HEAP && (name.equals("CodeCache") || name.startsWith("CodeHeap"))) {
                peak += pool.getPeakUsage().getUsed();
                max += Math.max(0, pool.getPeakUsage().getMax());
            }
        }
        return new CodeCacheUse(peak, max);
    }

    /** Whether the cache came within {@link #FILLED_MARGIN_BYTES} of its size: the JIT then stopped compiling. */
    public boolean filled() {
        return maxBytes > 0 && maxBytes - peakBytes < FILLED_MARGIN_BYTES;
    }

    /** One line for a run's report: the peak against the size, and what a filled cache means for the figures. */
    public String describe() {
        if (maxBytes == 0) {
            return "the JVM reports no code cache; whether its JIT kept compiling is unknown";
        }
        String use = String.format(Locale.ROOT, "the JVM's code cache peaked at %.1f of %.1f MB", peakBytes / 1048576.0,
                maxBytes / 1048576.0);
        return filled()
                ? use + ": it ran full, so the JIT stopped compiling and code not compiled by then ran interpreted; the"
                        + " figures are slower than the code (give the JVM -XX:ReservedCodeCacheSize=240m, as ./alphacast does)"
                : use;
    }
}
