package com.alphacast.localcloud;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;

/**
 * How much of the JVM's code cache for compiled methods was in use at its peak. When it fills, HotSpot stops compiling
 * ("CodeCache is full. Compiler has been disabled"; its sweeper may turn the compiler back on if it frees enough, which
 * in this project's runs it never did): whatever was not compiled by then stays interpreted, and every latency measured
 * afterwards is slower than the code. The local cloud compiles every function's own copy of its code (each class loader
 * its own SDK) in one JVM, which a load run takes to about 56–60 MB: more than the 48 MB the JVM reserves when it runs
 * C1 only, as the template asks of each function's own JVM on Lambda.
 *
 * @param peakBytes the highest use of the method heaps, summed (heaps that peaked at different times count each at
 *                  its peak, so this never understates the sampled peaks)
 * @param maxBytes  what the method heaps may grow to, summed
 */
public record CodeCacheUse(long peakBytes, long maxBytes) {

    /**
     * Free space under which the cache counts as filled. A heuristic: HotSpot stops compiling when an allocation fails,
     * which a large method does with some room left, and the pools' peaks are sampled, so they can trail HotSpot's own
     * high-water mark by some kilobytes.
     */
    static final long FILLED_MARGIN_BYTES = 1L << 20;

    /** HotSpot's heap for stubs and adapters: compiled methods never go there, so its free room does not count. */
    private static final String NON_METHOD_HEAP = "CodeHeap 'non-nmethods'";

    /** One code cache pool as the JVM reports it. */
    record Pool(String name, long peakBytes, long maxBytes) {
    }

    public CodeCacheUse {
        if (peakBytes < 0 || maxBytes < 0) {
            throw new IllegalArgumentException("code cache sizes cannot be negative: peak " + peakBytes + ", max "
                    + maxBytes);
        }
    }

    /**
     * The code cache of this JVM: HotSpot's one {@code CodeCache} pool, or its method heaps ({@code CodeHeap
     * 'profiled nmethods'} and {@code 'non-profiled nmethods'}, which take each other's overflow) when the cache is
     * segmented. 0 of 0 on a JVM that reports neither.
     */
    public static CodeCacheUse ofThisJvm() {
        return of(ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.NON_HEAP)
                .map(pool -> new Pool(pool.getName(), pool.getPeakUsage().getUsed(), pool.getUsage().getMax()))
                .toList());
    }

    /** The method heaps among {@code pools}, summed; other pools are left out. */
    static CodeCacheUse of(List<Pool> pools) {
        long peak = 0;
        long max = 0;
        for (Pool pool : pools) {
            if (holdsCompiledMethods(pool.name())) {
                peak += pool.peakBytes();
                max += Math.max(0, pool.maxBytes());
            }
        }
        return new CodeCacheUse(peak, max);
    }

    /** Whether the pool named so is HotSpot's code cache or one of its method heaps. */
    static boolean holdsCompiledMethods(String poolName) {
        return poolName.equals("CodeCache") || (poolName.startsWith("CodeHeap") && !poolName.equals(NON_METHOD_HEAP));
    }

    /** Whether the method heaps came within {@link #FILLED_MARGIN_BYTES} of their size: the JIT then stopped. */
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
