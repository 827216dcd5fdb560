package com.alphacast.localcloud;

import com.alphacast.core.text.TerminalText;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
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
 *
 * <p>A full cache can refuse the code that a lambda, a string concatenation or a class needs the first time it runs, so
 * the watch's own path uses none it has not run before, and a watch that cannot work says so rather than failing the
 * local cloud's start.
 */
final class CodeCacheWatch implements AutoCloseable {

    /** How often the watch asks HotSpot. */
    static final Duration INTERVAL = Duration.ofSeconds(1);

    /** Said when the line with the figures cannot be built, or when HotSpot's report can no longer be read. */
    private static final String PLAIN_WARNING = "HotSpot found the JVM's code cache full and stopped compiling (or its"
            + " report could no longer be read, as when the cache is full); give the JVM -XX:ReservedCodeCacheSize=240m,"
            + " as ./alphacast does";

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
     * found it full (at once if it already had). Where it cannot watch (a JVM without HotSpot's report, or a cache
     * already too full to start the watch), it says so through {@code warning} and watches nothing; it never throws.
     */
    static CodeCacheWatch start(Consumer<String> warning) {
        return start(warning, INTERVAL);
    }

    static CodeCacheWatch start(Consumer<String> warning, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the code cache watch's interval must be positive: " + interval);
        }
        try {
            String unwatched = reasonItCannotWatch();
            if (unwatched != null) {
                say(warning, new StringBuilder("the code cache is not watched: ").append(unwatched)
                        .append("; a full cache, which stops the JIT, would go unnoticed").toString());
                return new CodeCacheWatch(warning, null);
            }
            ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(new DaemonThreads());
            CodeCacheWatch watch = new CodeCacheWatch(warning, checks);
            checks.scheduleWithFixedDelay(watch.new Check(), 0, interval.toNanos(), TimeUnit.NANOSECONDS);
            return watch;
        } catch (LinkageError | VirtualMachineError e) {
            say(warning, "the code cache is not watched: the watch could not start, as when the cache is already full");
            return new CodeCacheWatch(warning, null);
        }
    }

    /** Why this JVM's code cache cannot be watched, or null when it can. */
    private static String reasonItCannotWatch() {
        try {
            String report = CodeCacheUse.codeCacheReport();
            return CodeCacheUse.timesFull(report) == CodeCacheUse.TIMES_FULL_UNKNOWN
                    ? new StringBuilder("HotSpot's code cache report has no full_count: ")
                            .append(TerminalText.excerpt(report)).toString()
                    : null;
        } catch (JMException | RuntimeException e) {
            return new StringBuilder("this JVM has no HotSpot code cache report (").append(e).append(')').toString();
        } catch (LinkageError | VirtualMachineError e) {
            // the platform MBean server failed to start: a code cache already full refuses the code it needs
            return "HotSpot's code cache report could not be read, as when the cache is already full";
        }
    }

    /** One check: the line once HotSpot counts the cache full, or once its report can no longer be read. */
    private final class Check implements Runnable {
        @Override
        public void run() {
            if (warned || closed) {
                return;
            }
            int timesFull;
            try {
                timesFull = CodeCacheUse.timesFull(CodeCacheUse.codeCacheReport());
            } catch (JMException | RuntimeException e) {
                return; // it read at start: asked again in a second
            } catch (LinkageError | VirtualMachineError e) {
                warnOnce(PLAIN_WARNING); // a report that read at start and no longer does: the cache is full
                return;
            }
            if (timesFull > 0) {
                warnOnce(lineWithFigures());
            }
        }
    }

    private static String lineWithFigures() {
        try {
            CodeCacheUse use = CodeCacheUse.ofThisJvm();
            StringBuilder text = new StringBuilder("HotSpot found the JVM's code cache full (its method heaps ");
            CodeCacheUse.appendMegabytes(text, use.peakBytes()).append(" of ");
            CodeCacheUse.appendMegabytes(text, use.maxBytes()).append(" MB at the peak) and stopped compiling until"
                    + " it frees room: code it does not compile meanwhile runs interpreted, so latencies from now on can"
                    + " be slower than the code; give the JVM -XX:ReservedCodeCacheSize=240m, as ./alphacast does");
            return text.toString();
        } catch (RuntimeException | LinkageError | VirtualMachineError e) {
            return PLAIN_WARNING;
        }
    }

    private void warnOnce(String line) {
        if (closed) {
            return;
        }
        try {
            say(warning, line);
        } finally {
            warned = true;
            checks.shutdown(); // said once: nothing more to watch
        }
    }

    /** Hands {@code line} to {@code warning}; if that fails (its own formatting, in a full cache), to standard error. */
    private static void say(Consumer<String> warning, String line) {
        try {
            warning.accept(line);
        } catch (RuntimeException | LinkageError | VirtualMachineError e) {
            System.err.print("[local-cloud] ");
            System.err.println(line);
        }
    }

    /** Whether the watch has said the cache filled. */
    boolean warned() {
        return warned;
    }

    /**
     * Stops the watch. A check under way when it is called may still say its line; this waits up to a second for it,
     * and no check starts afterwards.
     */
    @Override
    public void close() {
        closed = true;
        if (checks == null) {
            return;
        }
        checks.shutdown();
        try {
            checks.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The watch's one thread: a daemon, so that it never keeps a JVM alive. */
    private static final class DaemonThreads implements ThreadFactory {
        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "code-cache-watch");
            thread.setDaemon(true);
            return thread;
        }
    }
}
