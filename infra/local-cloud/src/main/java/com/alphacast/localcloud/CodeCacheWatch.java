package com.alphacast.localcloud;

import com.alphacast.core.text.TerminalText;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.management.JMException;

/**
 * Says once, within a second of it happening, that HotSpot found the JVM's code cache full: it then stops compiling
 * until it frees room, and whatever it does not compile meanwhile runs interpreted, so the latencies the local cloud
 * shows are slower than the code. The demo also reports the cache after its figures ({@link CodeCacheUse}); this watch
 * covers every command that hosts the functions ({@code cloud up}, {@code worker}, {@code morning}, {@code bots chat})
 * while it runs.
 *
 * <p>It asks HotSpot once a second on a thread of its own, nothing on the functions' threads. The pools' usage-threshold
 * notifications cannot tell: a heap crosses a threshold once, while HotSpot may free old code and keep compiling, and a
 * segmented cache's heaps overflow into each other.
 */
final class CodeCacheWatch implements AutoCloseable {

    /** How often the watch asks HotSpot. */
    static final Duration INTERVAL = Duration.ofSeconds(1);

    /** Said when the line with the figures cannot be built: a full cache can refuse the code that formatting links. */
    private static final String PLAIN_WARNING = "HotSpot found the JVM's code cache full and stopped compiling; give"
            + " the JVM -XX:ReservedCodeCacheSize=240m, as ./alphacast does";

    private final Consumer<String> warning;
    private final ScheduledExecutorService checks;
    private volatile boolean warned;
    private volatile boolean closed;

    private CodeCacheWatch(Consumer<String> warning, ScheduledExecutorService checks) {
        this.warning = warning;
        this.checks = checks;
    }

    /**
     * Watches this JVM's code cache every {@link #INTERVAL}, calling {@code warning} once with a line saying HotSpot
     * found it full (at once if it already had). On a JVM that does not report it, it says so through {@code warning}
     * and watches nothing.
     */
    static CodeCacheWatch start(Consumer<String> warning) {
        return start(warning, INTERVAL);
    }

    static CodeCacheWatch start(Consumer<String> warning, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the code cache watch's interval must be positive: " + interval);
        }
        String unwatched = reasonItCannotWatch();
        if (unwatched != null) {
            warning.accept("the code cache is not watched: " + unwatched + "; a full cache, which stops the JIT,"
                    + " would go unnoticed");
            return new CodeCacheWatch(warning, null);
        }
        ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "code-cache-watch");
            thread.setDaemon(true);
            return thread;
        });
        CodeCacheWatch watch = new CodeCacheWatch(warning, checks);
        checks.scheduleWithFixedDelay(watch::check, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return watch;
    }

    /** Why this JVM's code cache cannot be watched, or null when it can. */
    private static String reasonItCannotWatch() {
        try {
            String report = CodeCacheUse.codeCacheReport();
            return CodeCacheUse.timesFull(report) == CodeCacheUse.TIMES_FULL_UNKNOWN
                    ? "HotSpot's code cache report has no full_count: " + TerminalText.excerpt(report)
                    : null;
        } catch (JMException | RuntimeException e) {
            return "this JVM has no HotSpot code cache report (" + e + ")";
        } catch (LinkageError | VirtualMachineError e) {
            // the platform MBean server failed to start: a code cache already full refuses the code it needs
            return "HotSpot's code cache report could not be read (" + e + "), as when the cache is already full";
        }
    }

    private void check() {
        if (warned || closed || CodeCacheUse.timesFullOfThisJvm() <= 0) {
            return;
        }
        String line = PLAIN_WARNING;
        try {
            CodeCacheUse use = CodeCacheUse.ofThisJvm();
            StringBuilder text = new StringBuilder("HotSpot found the JVM's code cache full (its method heaps ");
            CodeCacheUse.appendMegabytes(text, use.peakBytes()).append(" of ");
            CodeCacheUse.appendMegabytes(text, use.maxBytes()).append(" MB at the peak) and stopped compiling until"
                    + " it frees room: code it does not compile meanwhile runs interpreted, so latencies from now on can"
                    + " be slower than the code; give the JVM -XX:ReservedCodeCacheSize=240m, as ./alphacast does");
            line = text.toString();
        } catch (RuntimeException | LinkageError | VirtualMachineError e) {
            // the plain line says what matters
        }
        if (closed) {
            return;
        }
        try {
            warning.accept(line);
        } catch (RuntimeException | LinkageError | VirtualMachineError e) {
            // the consumer's own formatting can fail in a full cache; standard error needs no new code
            System.err.println(line);
        } finally {
            warned = true;
            checks.shutdown(); // said once: nothing more to watch
        }
    }

    /** Whether the watch has said the cache filled. */
    boolean warned() {
        return warned;
    }

    /** Stops the watch; once this returns, it says nothing more. */
    @Override
    public void close() {
        closed = true;
        if (checks == null) {
            return;
        }
        checks.shutdownNow();
        try {
            // a check under way finishes first (it asks HotSpot for well under a millisecond)
            checks.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
