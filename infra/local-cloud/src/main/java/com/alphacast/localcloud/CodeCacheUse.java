package com.alphacast.localcloud;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * How much of the JVM's code cache for compiled methods was in use at its peak, and how often HotSpot found it full.
 * A full cache stops HotSpot's compilers ("CodeCache is full. Compiler has been disabled"; it turns them back on if
 * it frees enough room, which a tiny test cache shows and none of this project's load runs did): whatever was not
 * compiled meanwhile stays interpreted, and every latency measured afterwards is slower than the code. The local cloud compiles every
 * function's own copy of its code (each class loader its own SDK) in one JVM, which a load run takes to about 56–60 MB:
 * more than the 48 MB the JVM reserves when it runs C1 only, as the template asks of each function's own JVM on Lambda.
 *
 * <p>Whether the cache ran full is HotSpot's own count, not a guess from the pools: a heap can sit within kilobytes of
 * its size while HotSpot frees old code and keeps compiling, and a segmented cache's method heaps overflow into each
 * other, so no threshold on the pools tells a full cache from a nearly full one.
 *
 * @param peakBytes the highest use of the method heaps, summed (heaps that peaked at different times count each at
 *                  its peak, so this never understates the sampled peaks)
 * @param maxBytes  what the method heaps may grow to, summed
 * @param timesFull how many times HotSpot found the cache full (its {@code full_count}), or {@link #TIMES_FULL_UNKNOWN}
 *                  on a JVM that does not say
 */
public record CodeCacheUse(long peakBytes, long maxBytes, int timesFull) {

    /** {@link #timesFull} of a JVM that does not report it. */
    public static final int TIMES_FULL_UNKNOWN = -1;

    /** HotSpot's heap for stubs and adapters: compiled methods never go there, so its free room does not count. */
    private static final String NON_METHOD_HEAP = "CodeHeap 'non-nmethods'";

    /**
     * The count of the times the cache filled in HotSpot's code cache report ({@code jcmd PID Compiler.codecache}): a
     * line of its own on JDK 17 ({@code " full_count=1"}), the end of the totals line from JDK 21 on
     * ({@code " total_blobs=984, nmethods=596, adapters=315, full_count=1"}).
     */
    private static final Pattern FULL_COUNT = Pattern.compile("\\bfull_count=(\\d+)");

    /** One code cache pool as the JVM reports it. */
    record Pool(String name, long peakBytes, long maxBytes) {
    }

    public CodeCacheUse {
        if (peakBytes < 0 || maxBytes < 0) {
            throw new IllegalArgumentException("code cache sizes cannot be negative: peak " + peakBytes + ", max "
                    + maxBytes);
        }
        if (timesFull < TIMES_FULL_UNKNOWN) {
            throw new IllegalArgumentException("times the code cache filled cannot be negative: " + timesFull);
        }
    }

    /**
     * The code cache of this JVM: HotSpot's one {@code CodeCache} pool, or its method heaps ({@code CodeHeap
     * 'profiled nmethods'} and {@code 'non-profiled nmethods'}) when the cache is segmented, and HotSpot's count of the
     * times it filled. 0 of 0, times unknown, on a JVM that reports neither.
     */
    public static CodeCacheUse ofThisJvm() {
        // Plain loops and appends here and in describe(): a full cache can refuse the code that linking a lambda, a
        // string concatenation or a class the first time needs, and a full cache is when this must still answer.
        List<Pool> pools = new ArrayList<>();
        try {
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.NON_HEAP) {
                    pools.add(new Pool(pool.getName(), pool.getPeakUsage().getUsed(), pool.getUsage().getMax()));
                }
            }
        } catch (LinkageError | VirtualMachineError e) {
            // the JDK's own code for the pools, never run before in a cache too full to link it: nothing to read
            return new CodeCacheUse(0, 0, TIMES_FULL_UNKNOWN);
        }
        CodeCacheUse methodHeaps = of(pools);
        return new CodeCacheUse(methodHeaps.peakBytes(), methodHeaps.maxBytes(), timesFullOfThisJvm());
    }

    /** The method heaps among {@code pools}, summed; other pools are left out; the times full unknown. */
    static CodeCacheUse of(List<Pool> pools) {
        long peak = 0;
        long max = 0;
        for (Pool pool : pools) {
            if (holdsCompiledMethods(pool.name())) {
                peak += pool.peakBytes();
                max += Math.max(0, pool.maxBytes());
            }
        }
        return new CodeCacheUse(peak, max, TIMES_FULL_UNKNOWN);
    }

    /** Whether the pool named so is HotSpot's code cache or one of its method heaps. */
    private static boolean holdsCompiledMethods(String poolName) {
        return poolName.equals("CodeCache") || (poolName.startsWith("CodeHeap") && !poolName.equals(NON_METHOD_HEAP));
    }

    /**
     * How many times HotSpot found this JVM's code cache full (any of its heaps, the stubs' heap too), from its
     * diagnostic command {@code Compiler.codecache}; {@link #TIMES_FULL_UNKNOWN} on a JVM without it.
     */
    static int timesFullOfThisJvm() {
        try {
            return timesFull(codeCacheReport());
        } catch (JMException | RuntimeException | LinkageError | VirtualMachineError e) {
            // not HotSpot, a HotSpot without the command, or a cache so full that it refuses the code the platform
            // MBean server needs to start: the pools alone cannot say
            return TIMES_FULL_UNKNOWN;
        }
    }

    /**
     * HotSpot's code cache report of this JVM, the text {@code jcmd PID Compiler.codecache} prints (30–180 µs a call
     * here; the first also starts the platform MBean server).
     *
     * @throws JMException where the JVM has no such diagnostic command (not HotSpot) or it failed
     */
    static String codeCacheReport() throws JMException {
        Object report = ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerCodecache",
                new Object[] {null}, new String[] {String[].class.getName()});
        return String.valueOf(report);
    }

    /** The {@code full_count} of one HotSpot code cache report; {@link #TIMES_FULL_UNKNOWN} when it has none. */
    static int timesFull(String report) {
        Matcher count = FULL_COUNT.matcher(report);
        if (!count.find()) {
            return TIMES_FULL_UNKNOWN;
        }
        try {
            return Integer.parseInt(count.group(1));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE; // more digits than an int holds: full, very many times
        }
    }

    /** Whether HotSpot found the cache full at least once: its compilers then stopped, at least for a while. */
    public boolean filled() {
        return timesFull > 0;
    }

    /** One line for a run's report: the peak against the size, and what a filled cache means for the figures. */
    public String describe() {
        if (maxBytes == 0) {
            return "the JVM's code cache could not be read (none reported, or too full to run the code that reads it);"
                    + " whether its JIT kept compiling is unknown";
        }
        StringBuilder line = new StringBuilder("the JVM's code cache peaked at ");
        appendMegabytes(line, peakBytes).append(" of ");
        appendMegabytes(line, maxBytes).append(" MB");
        if (timesFull == TIMES_FULL_UNKNOWN) {
            line.append(" (this JVM does not say whether it ever ran full)");
        } else if (filled()) {
            line.append(": HotSpot found a heap of it full, which stops the JIT until it frees room, so code it did not"
                    + " compile meanwhile ran interpreted and the figures are slower than the code (give the JVM"
                    + " -XX:ReservedCodeCacheSize=240m, as ./alphacast does)");
        }
        return line.toString();
    }

    /**
     * {@code bytes} in megabytes with one decimal, rounded half up. Written out by hand: a full cache can refuse the
     * code a formatter or another class would need the first time it runs, and a full cache is when this must answer.
     */
    static StringBuilder appendMegabytes(StringBuilder out, long bytes) {
        long tenths = (bytes * 10 + (1L << 19)) >> 20;
        return out.append(tenths / 10).append('.').append(tenths % 10);
    }
}
