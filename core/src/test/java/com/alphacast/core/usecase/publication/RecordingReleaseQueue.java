package com.alphacast.core.usecase.publication;

import com.alphacast.core.publication.Publication;
import com.alphacast.core.publication.TierRelease;
import java.util.ArrayList;
import java.util.List;

/** A release queue that keeps what was enqueued, for tests of what publishes. */
public final class RecordingReleaseQueue implements ReleaseQueue {

    /** One enqueued release and its delay. */
    public record Enqueued(TierRelease release, int delaySeconds) {
    }

    private final List<Enqueued> enqueued = new ArrayList<>();
    private boolean unavailable;

    /** From now on every enqueue fails (or succeeds again), as a queue that is down would. */
    public synchronized RecordingReleaseQueue unavailable(boolean unavailable) {
        this.unavailable = unavailable;
        return this;
    }

    public synchronized List<Enqueued> enqueued() {
        return List.copyOf(enqueued);
    }

    /** The publications enqueued, once each (a publication goes to several tiers). */
    public synchronized List<Publication> publications() {
        return enqueued.stream().map(e -> e.release().publication()).distinct().toList();
    }

    @Override
    public List<String> refusals(TierRelease release) {
        return List.of();
    }

    @Override
    public synchronized void enqueue(TierRelease release, int delaySeconds) {
        if (unavailable) {
            throw new IllegalStateException("queue unavailable");
        }
        enqueued.add(new Enqueued(release, delaySeconds));
    }
}
