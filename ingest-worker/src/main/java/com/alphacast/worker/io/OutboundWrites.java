package com.alphacast.worker.io;

import com.alphacast.core.market.MarketSnapshot;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.strategy.RejectedSignal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The worker's I/O executor: feed threads hand option chains, snapshots, signals and rejected signals (candidates
 * that lost a strategy conflict) to a bounded queue and go on at once; one I/O thread drains it in batches (up to
 * {@code maxBatch}) and writes each batch's chains first, then the snapshots queued before its last signal, then its
 * signals, then the snapshots queued after them, then its rejections: a signal never reaches the queue before the
 * snapshot of its bar or the chain it fired on (the paper brokers fill against them, and the risk check waits for the
 * position function to have seen the bars up to it), and never waits behind the writes of later bars. A slow or
 * failing AWS call therefore delays only this thread.
 *
 * <p>Back-pressure: when the queue is full a snapshot or a rejection is dropped and counted (an audit record never
 * holds up the feed thread), while a signal or a chain waits for room, and the wait is measured: both are rare and
 * an option leg cannot be filled without its chain. A failed batch is retried with a growing pause, then given up
 * and counted.
 */
public final class OutboundWrites implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboundWrites.class.getName());
    private static final int ATTEMPTS = 3;

    private final BlockingQueue<Object> queue;
    private final SnapshotStore snapshots;
    private final SignalOutlet signals;
    private final RejectionStore rejections;
    private final ChainStore chains;
    private final int maxBatch;
    private final long retryPauseMillis;
    private final Thread thread;
    private final AtomicInteger maxDepth = new AtomicInteger();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong rejectionsWritten = new AtomicLong();
    private final AtomicLong rejectionsDropped = new AtomicLong();
    private final AtomicLong chainsWritten = new AtomicLong();
    private final AtomicLong blocks = new AtomicLong();
    private final AtomicLong blockedNanos = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicReference<String> lastFailure = new AtomicReference<>("");
    private volatile boolean closing;

    public OutboundWrites(int capacity, int maxBatch, long retryPauseMillis, SnapshotStore snapshots,
                          SignalOutlet signals, RejectionStore rejections, ChainStore chains) {
        if (capacity < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("queue capacity and batch size must be at least 1, were "
                    + capacity + " and " + maxBatch);
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.snapshots = snapshots;
        this.signals = signals;
        this.rejections = rejections;
        this.chains = chains;
        this.maxBatch = maxBatch;
        this.retryPauseMillis = retryPauseMillis;
        this.thread = new Thread(this::drain, "worker-io");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Never waits: a full queue drops the snapshot (counted). */
    public void submit(MarketSnapshot snapshot) {
        if (queue.offer(snapshot)) {
            submitted.incrementAndGet();
            noteDepth();
        } else {
            dropped.incrementAndGet();
        }
    }

    /** Never waits: a full queue drops the rejection (counted). */
    public void submit(RejectedSignal rejection) {
        if (queue.offer(rejection)) {
            submitted.incrementAndGet();
            noteDepth();
        } else {
            rejectionsDropped.incrementAndGet();
        }
    }

    /** Waits for room only when the queue is full; the wait is counted in {@link IoStatus#blockedNanos()}. */
    public void submit(Signal signal) {
        put(signal, "signal " + signal.id());
    }

    /** Like a signal, waits for room only when the queue is full: the option legs that follow need the chain. */
    public void submit(HeldChain chain) {
        put(chain, "the " + chain.underlying() + " chain as of " + chain.chain().asOfTime());
    }

    private void put(Object item, String what) {
        if (!queue.offer(item)) {
            blocks.incrementAndGet();
            long start = System.nanoTime();
            try {
                queue.put(item);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting to queue " + what, e);
            } finally {
                blockedNanos.addAndGet(System.nanoTime() - start);
            }
        }
        submitted.incrementAndGet();
        noteDepth();
    }

    /** Waits until everything submitted so far has been written or given up; false on timeout. */
    public boolean awaitDrained(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        long target = submitted.get();
        while (completed.get() < target) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }

    public IoStatus status() {
        return new IoStatus(queue.size(), maxDepth.get(), queue.size() + queue.remainingCapacity(), written.get(),
                sent.get(), dropped.get(), blocks.get(), blockedNanos.get(), batches.get(), failed.get(),
                lastFailure.get(), rejectionsWritten.get(), rejectionsDropped.get(), chainsWritten.get());
    }

    /** Writes what is queued, then stops the I/O thread. */
    @Override
    public void close() {
        closing = true;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void noteDepth() {
        int depth = queue.size();
        maxDepth.accumulateAndGet(depth, Math::max);
    }

    private void drain() {
        List<Object> batch = new ArrayList<>(maxBatch);
        List<MarketSnapshot> snapshotBatch = new ArrayList<>(maxBatch);
        List<MarketSnapshot> laterSnapshots = new ArrayList<>(maxBatch);
        List<Signal> signalBatch = new ArrayList<>(maxBatch);
        List<RejectedSignal> rejectionBatch = new ArrayList<>(maxBatch);
        List<HeldChain> chainBatch = new ArrayList<>();
        while (true) {
            batch.clear();
            try {
                if (closing) {
                    if (queue.drainTo(batch, maxBatch) == 0) {
                        return;
                    }
                } else {
                    batch.add(queue.take());
                    queue.drainTo(batch, maxBatch - 1);
                }
            } catch (InterruptedException e) {
                continue; // close() interrupts a waiting take: drain what is left, then stop
            }
            snapshotBatch.clear();
            laterSnapshots.clear();
            signalBatch.clear();
            rejectionBatch.clear();
            chainBatch.clear();
            int lastSignal = -1;
            for (int i = 0; i < batch.size(); i++) {
                if (batch.get(i) instanceof Signal) {
                    lastSignal = i;
                }
            }
            for (int i = 0; i < batch.size(); i++) {
                Object item = batch.get(i);
                if (item instanceof HeldChain chain) {
                    chainBatch.add(chain);
                } else if (item instanceof MarketSnapshot snapshot) {
                    // Snapshots queued after the batch's last signal are not that signal's bar: they go after it.
                    (i < lastSignal ? snapshotBatch : laterSnapshots).add(snapshot);
                } else if (item instanceof RejectedSignal rejection) {
                    rejectionBatch.add(rejection);
                } else {
                    signalBatch.add((Signal) item);
                }
            }
            batches.incrementAndGet();
            if (!chainBatch.isEmpty() && attempt("option chains", () -> chains.writeAll(chainBatch),
                    chainBatch.size())) {
                chainsWritten.addAndGet(chainBatch.size());
            }
            writeSnapshots(snapshotBatch);
            if (!signalBatch.isEmpty() && attempt("signals", () -> signals.sendAll(signalBatch), signalBatch.size())) {
                sent.addAndGet(signalBatch.size());
            }
            writeSnapshots(laterSnapshots);
            if (!rejectionBatch.isEmpty() && attempt("rejected signals", () -> rejections.writeAll(rejectionBatch),
                    rejectionBatch.size())) {
                rejectionsWritten.addAndGet(rejectionBatch.size());
            }
            completed.addAndGet(batch.size());
        }
    }

    private void writeSnapshots(List<MarketSnapshot> batch) {
        if (!batch.isEmpty() && attempt("snapshots", () -> snapshots.writeAll(batch), batch.size())) {
            written.addAndGet(batch.size());
        }
    }

    private boolean attempt(String what, Runnable write, int count) {
        for (int attempt = 1; ; attempt++) {
            try {
                write.run();
                return true;
            } catch (RuntimeException e) {
                String message = "writing " + count + " " + what + " failed (attempt " + attempt + " of " + ATTEMPTS
                        + "): " + e.getMessage();
                lastFailure.set(message);
                if (attempt == ATTEMPTS) {
                    failed.addAndGet(count);
                    LOG.log(Level.SEVERE, message + "; giving them up", e);
                    return false;
                }
                LOG.log(Level.WARNING, message);
                try {
                    Thread.sleep(retryPauseMillis << (attempt - 1));
                } catch (InterruptedException interrupted) {
                    closing = true; // close() during a pause: one more try, without waiting
                }
            }
        }
    }
}
