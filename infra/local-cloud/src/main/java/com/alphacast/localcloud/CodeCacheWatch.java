package com.alphacast.localcloud;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Says once, when it happens, that the JVM's code cache has filled: HotSpot then stops compiling, and whatever it had
 * not compiled runs interpreted from then on, so every latency the local cloud shows afterwards is slower than the
 * code. The demo also reports the peak after its figures ({@link CodeCacheUse}); this watch covers every command that
 * hosts the functions ({@code cloud up}, {@code worker}, {@code morning}, {@code bots chat}) while it runs.
 *
 * <p>It sets each method heap's usage threshold a margin under its size and listens for the JVM's threshold
 * notifications, which HotSpot raises from its service thread after a compiled method is stored: nothing runs on the
 * functions' threads. A segmented cache's heaps take each other's overflow, so a heap over its threshold warns only
 * when the method heaps together are {@linkplain CodeCacheUse#filled() filled}.
 */
final class CodeCacheWatch implements AutoCloseable {

    private final NotificationEmitter emitter;
    private final NotificationListener listener;
    private final Consumer<String> warning;
    private final AtomicBoolean warned = new AtomicBoolean();

    private CodeCacheWatch(NotificationEmitter emitter, Consumer<String> warning) {
        this.emitter = emitter;
        this.listener = this::onNotification;
        this.warning = warning;
    }

    /**
     * Watches this JVM's code cache, calling {@code warning} once with a line saying it filled. On a JVM that reports
     * no code cache pools with usage thresholds, it watches nothing.
     */
    static CodeCacheWatch start(Consumer<String> warning) {
        NotificationEmitter emitter = (NotificationEmitter) ManagementFactory.getMemoryMXBean();
        CodeCacheWatch watch = new CodeCacheWatch(emitter, warning);
        List<MemoryPoolMXBean> heaps = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            long max = pool.getUsage() == null ? -1 : pool.getUsage().getMax();
            if (pool.getType() == MemoryType.NON_HEAP && CodeCacheUse.holdsCompiledMethods(pool.getName())
                    && pool.isUsageThresholdSupported() && max > CodeCacheUse.FILLED_MARGIN_BYTES) {
                heaps.add(pool);
            }
        }
        emitter.addNotificationListener(watch.listener,
                notification -> MemoryNotificationInfo.MEMORY_THRESHOLD_EXCEEDED.equals(notification.getType()), null);
        for (MemoryPoolMXBean heap : heaps) {
            // A threshold another watch in this JVM set is the same one; a lower one set elsewhere is kept.
            long threshold = heap.getUsage().getMax() - CodeCacheUse.FILLED_MARGIN_BYTES;
            if (heap.getUsageThreshold() == 0 || heap.getUsageThreshold() > threshold) {
                heap.setUsageThreshold(threshold);
            }
        }
        // A cache that filled before the watch began raises no notification (the threshold was not crossed while set).
        watch.warnIfFilled(CodeCacheUse.ofThisJvm());
        return watch;
    }

    private void onNotification(Notification notification, Object handback) {
        if (notification.getUserData() instanceof CompositeData data
                && CodeCacheUse.holdsCompiledMethods(MemoryNotificationInfo.from(data).getPoolName())) {
            warnIfFilled(CodeCacheUse.ofThisJvm());
        }
    }

    private void warnIfFilled(CodeCacheUse use) {
        if (use.filled() && warned.compareAndSet(false, true)) {
            warning.accept(String.format(Locale.ROOT, "the JVM's code cache has filled (%.1f of %.1f MB): the JIT"
                    + " stopped compiling, so code it had not compiled runs interpreted from now on and every latency"
                    + " is slower than the code; give the JVM -XX:ReservedCodeCacheSize=240m, as ./alphacast does",
                    use.peakBytes() / 1048576.0, use.maxBytes() / 1048576.0));
        }
    }

    /** Whether the watch has said the cache filled. */
    boolean warned() {
        return warned.get();
    }

    @Override
    public void close() {
        try {
            emitter.removeNotificationListener(listener);
        } catch (ListenerNotFoundException e) {
            // closed twice: nothing left to remove
        }
    }
}
