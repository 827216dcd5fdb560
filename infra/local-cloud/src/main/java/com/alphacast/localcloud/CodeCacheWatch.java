package com.alphacast.localcloud;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Says once, within a second of it happening, that HotSpot found the JVM's code cache full: it then stops compiling,
 * and whatever it had not compiled runs interpreted, so every latency the local cloud shows afterwards is slower than
 * the code. The demo also reports the cache after its figures ({@link CodeCacheUse}); this watch covers every command
 * that hosts the functions ({@code cloud up}, {@code worker}, {@code morning}, {@code bots chat}) while it runs.
 *
 * <p>It asks HotSpot once a second on a thread of its own, nothing on the functions' threads (a fraction of a
 * millisecond each). The pools' usage-threshold notifications cannot tell: a heap crosses a threshold once, while
 * HotSpot may free old code and keep compiling, and a segmented cache's heaps overflow into each other.
 */
final class CodeCacheWatch implements AutoCloseable {

    /** How often the watch asks HotSpot. */
    static final Duration INTERVAL = Duration.ofSeconds(1);

    private final Consumer<String> warning;
    private final AtomicBoolean warned = new AtomicBoolean();
    private final ScheduledExecutorService checks;

    private CodeCacheWatch(Consumer<String> warning, ScheduledExecutorService checks) {
        this.warning = warning;
        this.checks = checks;
    }

    /**
     * Watches this JVM's code cache every {@link #INTERVAL}, calling {@code warning} once with a line saying HotSpot
     * found it full (at once if it already had). On a JVM that does not report it, it watches nothing.
     */
    static CodeCacheWatch start(Consumer<String> warning) {
        return start(warning, INTERVAL);
    }

    static CodeCacheWatch start(Consumer<String> warning, Duration interval) {
        if (CodeCacheUse.timesFullOfThisJvm() == CodeCacheUse.TIMES_FULL_UNKNOWN) {
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

    private void check() {
        if (warned.get() || CodeCacheUse.timesFullOfThisJvm() <= 0) {
            return;
        }
        if (warned.compareAndSet(false, true)) {
            CodeCacheUse use = CodeCacheUse.ofThisJvm();
            checks.shutdown(); // said once: nothing more to watch
            warning.accept(String.format(Locale.ROOT, "HotSpot found the JVM's code cache full (%.1f of %.1f MB at"
                    + " the peak) and stopped compiling: code it had not compiled runs interpreted, so latencies from"
                    + " now on can be slower than the code; give the JVM -XX:ReservedCodeCacheSize=240m, as"
                    + " ./alphacast does", use.peakBytes() / 1048576.0, use.maxBytes() / 1048576.0));
        }
    }

    /** Whether the watch has said the cache filled. */
    boolean warned() {
        return warned.get();
    }

    @Override
    public void close() {
        if (checks != null) {
            checks.shutdownNow();
        }
    }
}
