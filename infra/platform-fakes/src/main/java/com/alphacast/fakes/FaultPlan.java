package com.alphacast.fakes;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Which requests fail and how: an explicit queue of faults for the next matching requests, then an
 * optional random share of matching requests (seeded, so runs are reproducible). Thread-safe.
 */
public final class FaultPlan {

    private final Deque<Fault> queued = new ArrayDeque<>();
    private Predicate<RecordedRequest> applies = request -> true;
    private double share;
    private List<Fault> randomFaults = List.of();
    private SplittableRandom random = new SplittableRandom(1);
    private final AtomicLong injected = new AtomicLong();

    /** Only requests matching {@code filter} can fail (e.g. only sendMessage calls). */
    public synchronized FaultPlan onlyFor(Predicate<RecordedRequest> filter) {
        this.applies = filter;
        return this;
    }

    /** The next matching requests fail with these faults, in order. */
    public synchronized FaultPlan next(Fault... faults) {
        queued.addAll(List.of(faults));
        return this;
    }

    /** After the queue is empty, each matching request fails with probability {@code share}, picking a fault uniformly. */
    public synchronized FaultPlan randomly(double share, long seed, Fault... faults) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in [0, 1], was " + share);
        }
        if (share > 0 && faults.length == 0) {
            throw new IllegalArgumentException("random failures need at least one fault");
        }
        this.share = share;
        this.randomFaults = List.of(faults);
        this.random = new SplittableRandom(seed);
        return this;
    }

    public synchronized void clear() {
        queued.clear();
        share = 0;
        randomFaults = List.of();
    }

    /** How many faults were injected so far. */
    public long injected() {
        return injected.get();
    }

    synchronized Optional<Fault> decide(RecordedRequest request) {
        if (!applies.test(request)) {
            return Optional.empty();
        }
        Fault fault = queued.poll();
        if (fault == null && share > 0 && random.nextDouble() < share) {
            fault = randomFaults.get(random.nextInt(randomFaults.size()));
        }
        if (fault != null) {
            injected.incrementAndGet();
        }
        return Optional.ofNullable(fault);
    }
}
