package com.alphacast.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * {@link WorkerReplayBenchmark}'s three paths timed by the benchmark thread's own CPU time and allocation counter
 * instead of the wall clock: on the shared 2-core VMs other builds take the CPU away mid-iteration, which JMH's
 * wall-clock scores count (their error bars span 2–3×), while CPU time counts only what this thread ran. Prints, per
 * round of {@code passes} passes over the demo file (default 100), CPU ns, wall ns and bytes per trade.
 * <pre>java -cp bench/target/benchmarks.jar:$(cat bench/target/cold-start.classpath) com.alphacast.bench.WorkerReplayCpuTime [passes]</pre>
 */
public final class WorkerReplayCpuTime {

    private static final int ROUNDS = 6;
    private static final double DEMO_TRADES = 11_101;

    private WorkerReplayCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        WorkerReplayBenchmark benchmark = new WorkerReplayBenchmark();
        benchmark.setUp();
        try {
            WorkerReplayBenchmark.Weekly weekly = new WorkerReplayBenchmark.Weekly();
            weekly.open(benchmark);
            WorkerReplayBenchmark.Session session = new WorkerReplayBenchmark.Session();
            for (String path : new String[] {"decode", "decodeAndTrade", "decodeAndTradeWeekly"}) {
                for (int round = 1; round <= ROUNDS; round++) {
                    long cpu = 0;
                    long wall = 0;
                    long bytes = 0;
                    for (int p = 0; p < passes; p++) {
                        if (path.equals("decodeAndTrade")) {
                            session.fresh(benchmark); // outside the figures, as JMH's per-invocation setup
                        }
                        long cpu0 = threads.getCurrentThreadCpuTime();
                        long bytes0 = threads.getThreadAllocatedBytes(thread);
                        long wall0 = System.nanoTime();
                        switch (path) {
                            case "decode" -> benchmark.decode();
                            case "decodeAndTrade" -> benchmark.decodeAndTrade(session);
                            default -> benchmark.decodeAndTradeWeekly(weekly);
                        }
                        wall += System.nanoTime() - wall0;
                        cpu += threads.getCurrentThreadCpuTime() - cpu0;
                        bytes += threads.getThreadAllocatedBytes(thread) - bytes0;
                    }
                    double trades = passes * DEMO_TRADES;
                    System.out.printf(Locale.ROOT, "%-21s round %d: %7.1f CPU ns/trade (%5.2f M trades/s), %7.1f wall"
                                    + " ns/trade, %6.3f B/trade%n", path, round, cpu / trades, trades / cpu * 1e3,
                            wall / trades, bytes / trades);
                }
            }
        } finally {
            benchmark.tearDown();
        }
    }
}
