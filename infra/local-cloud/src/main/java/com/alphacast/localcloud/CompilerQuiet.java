package com.alphacast.localcloud;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Waits until the JIT has compiled what the warm-up made hot. The priming queues thousands of methods (each function
 * has its own copy of the SDK in its own class loader) and the compiler threads work through them behind the warm-up;
 * a stack reported ready before they finish would still run its first events interpreted. On AWS the snapshot is
 * taken of primed, compiled code; here the wait ends when the compiler threads were busy less than a tenth of a
 * half-second window, or at the limit.
 */
final class CompilerQuiet {

    private static final Duration WINDOW = Duration.ofMillis(500);
    /** Compiler time (summed over its threads) per window below which the queue is taken as worked through. */
    private static final long QUIET_MILLIS = 50;

    private CompilerQuiet() {
    }

    /** Returns how long it waited; at once when the JVM does not report compilation time. */
    static Duration await(Duration limit) {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        if (compiler == null || !compiler.isCompilationTimeMonitoringSupported()) {
            return Duration.ZERO;
        }
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        long before = compiler.getTotalCompilationTime();
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(WINDOW.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long now = compiler.getTotalCompilationTime();
            if (now - before < QUIET_MILLIS) {
                break;
            }
            before = now;
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
