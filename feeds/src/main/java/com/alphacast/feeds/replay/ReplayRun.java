package com.alphacast.feeds.replay;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One replay of a recording on its own daemon thread ({@code replay-<name>}), the part every replay source shares: it
 * is started once, paces events to the recorded times at the chosen {@link ReplaySpeed}, stops when closed (the next
 * {@link #awaitDue} throws {@link Stopped}), keeps what stopped it early, and can be awaited. The source supplies only
 * its decoding (a {@link Playback}) and what to say when the replay ends (an {@link Ending}).
 */
final class ReplayRun {

    /** The source's decoding: runs on the replay thread, calling {@link #awaitDue} before handing each event over. */
    @FunctionalInterface
    interface Playback {
        void play() throws IOException;
    }

    /**
     * Called on the replay thread once it ends, before {@link #awaitEnd} returns.
     *
     * @param lastNanos the recorded time of the last event replayed (0 if none)
     * @param failure   what stopped the replay before the end of the recording ({@link Stopped} when closed), or null
     */
    @FunctionalInterface
    interface Ending {
        void ended(long lastNanos, Throwable failure);

        Ending NOTHING = (lastNanos, failure) -> { };
    }

    /** Thrown out of the playback when the replay was closed; its message says so in the end reasons. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("closed", null, false, false);
        }
    }

    private final String name;
    private final ReplayPacer pacer;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile Thread thread;
    private volatile Throwable failure;
    /** Written and read on the replay thread only. */
    private long lastNanos;

    ReplayRun(String name, ReplaySpeed speed) {
        this.name = Objects.requireNonNull(name, "name");
        this.pacer = new ReplayPacer(Objects.requireNonNull(speed, "speed"));
    }

    /** @throws IllegalStateException when this run was started before: a recording is replayed once */
    synchronized void start(Playback playback, Ending ending) {
        Objects.requireNonNull(playback, "playback");
        Objects.requireNonNull(ending, "ending");
        if (thread != null) {
            throw new IllegalStateException(name + " already started");
        }
        Thread t = new Thread(() -> run(playback, ending), "replay-" + name);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void run(Playback playback, Ending ending) {
        try {
            playback.play();
        } catch (IOException | RuntimeException e) {
            failure = e;
        } finally {
            try {
                ending.ended(lastNanos, failure);
            } finally {
                finished.countDown();
            }
        }
    }

    /**
     * Waits until the event recorded at {@code recordedNanos} is due and takes it as the last one replayed.
     *
     * @throws Stopped when the replay was closed
     */
    void awaitDue(long recordedNanos) {
        if (!pacer.awaitDue(recordedNanos)) {
            throw new Stopped();
        }
        lastNanos = recordedNanos;
    }

    /** The recorded time of the last event due (0 before the first); on the replay thread. */
    long lastNanos() {
        return lastNanos;
    }

    /** Waits for the end of the replay; false on timeout. */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** What stopped the replay before the end of the recording ({@link Stopped} when closed), or null. */
    Throwable failure() {
        return failure;
    }

    /** Stops the replay: the thread is interrupted, so a paced wait or the next event ends it. */
    void close() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}
