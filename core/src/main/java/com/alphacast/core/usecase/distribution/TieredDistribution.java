package com.alphacast.core.usecase.distribution;

import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.ChannelSink;
import com.alphacast.core.distribution.Delivery;
import com.alphacast.core.distribution.DeliveryFailedException;
import com.alphacast.core.distribution.DeliveryResult;
import com.alphacast.core.latency.QueueArrival;
import com.alphacast.core.publication.Publication;
import com.alphacast.core.publication.TierRelease;
import com.alphacast.core.settings.DistributionSettings;
import com.alphacast.core.settings.TierPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends one tier's release of a publication to every destination the tier has on every channel, each exactly
 * once: a delivery is claimed in the ledger before it is sent and marked done after, so redelivered queue
 * messages and concurrent duplicates skip what is done. A transient failure on one destination does not
 * stop the others; it is reported at the end so the message is retried, and the retry only sends what is
 * still missing.
 *
 * <p>An update to a signal (fill, exit, stop move) goes to a destination only once that tier's signal delivery
 * to the same destination is done, and is sent as a reply to the message the signal became; until then it is
 * reported as awaiting, so the caller can hold the release back and try again.
 *
 * <p>A copy of a release being distributed by another invocation at the same time (SQS delivers at least once, and
 * Lambda runs several batches at once) finds the delivery claimed. It waits, up to {@link ClaimWait#bound()}, for that
 * claim to resolve: once the delivery is done it is a duplicate and succeeds without sending; once the claim is given
 * back (the other invocation failed) it takes the delivery over. A claim still held after the bound is reported
 * ({@link Outcome#heldElsewhere()}) for the caller to try that release again shortly, rather than failed: a failed
 * message would come back only after the queue's whole visibility timeout.
 */
public final class TieredDistribution {

    /** Waits between claim attempts; a test passes one that only records. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    /**
     * How long a duplicate waits for another invocation's claim: attempts {@code first} apart, doubling up to
     * {@code longest}, until {@code bound} of waiting is spent ({@link Duration#ZERO}: fail at once).
     */
    public record ClaimWait(Duration bound, Duration first, Duration longest, Pause pause) {
        public ClaimWait {
            if (bound.isNegative() || first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
                throw new IllegalArgumentException("claim wait needs bound >= 0 and 0 < first <= longest, got bound "
                        + bound + ", first " + first + ", longest " + longest);
            }
        }

        /** Reports a held delivery at once (the caller tries the whole release again later). */
        public static ClaimWait none() {
            return new ClaimWait(Duration.ZERO, Duration.ofMillis(1), Duration.ofMillis(1), d -> { });
        }
    }

    private final DistributionSettings settings;
    private final Map<Channel, ChannelSink> sinks;
    private final DeliveryLedger ledger;
    private final Clock clock;
    private final ClaimWait claimWait;

    public TieredDistribution(DistributionSettings settings, Map<Channel, ChannelSink> sinks,
                              DeliveryLedger ledger, Clock clock, ClaimWait claimWait) {
        this.settings = settings;
        this.sinks = Map.copyOf(sinks);
        this.ledger = ledger;
        this.clock = clock;
        this.claimWait = claimWait;
    }

    /**
     * What one call did.
     *
     * @param completed     deliveries this call completed (sent or permanently refused)
     * @param awaiting      updates not sent because their signal's delivery to the same destination is not done yet
     * @param heldElsewhere deliveries another invocation still had claimed after the claim wait (sent by it, or
     *                      taken over once its claim is given back or its lease runs out)
     */
    public record Outcome(List<Delivery> completed, List<Delivery> awaiting, List<Delivery> heldElsewhere) {
        public Outcome {
            completed = List.copyOf(completed);
            awaiting = List.copyOf(awaiting);
            heldElsewhere = List.copyOf(heldElsewhere);
        }

        /** True when some delivery of the release is still to be done by trying it again later. */
        public boolean unfinished() {
            return !awaiting.isEmpty() || !heldElsewhere.isEmpty();
        }
    }

    /** @throws DeliveryFailedException when a destination failed transiently (the retry sends only what is missing) */
    public Outcome distribute(TierRelease release) throws DeliveryFailedException {
        return distribute(release, Optional.empty());
    }

    /**
     * Like {@link #distribute(TierRelease)}, for a release that came through a queue: {@code arrival} (when it was
     * queued and first received) is recorded with each delivery claimed.
     */
    public Outcome distribute(TierRelease release, Optional<QueueArrival> arrival) throws DeliveryFailedException {
        TierPolicy policy = settings.tiers().get(release.tier());
        if (policy == null) {
            throw new IllegalArgumentException("release " + release.key() + " is for tier " + release.tier().key()
                    + ", which the settings do not configure");
        }
        Publication publication = release.publication();
        List<Delivery> completed = new ArrayList<>();
        List<Delivery> awaiting = new ArrayList<>();
        List<Delivery> heldElsewhere = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<Channel, List<String>> channel : policy.destinations().entrySet()) {
            ChannelSink sink = sinks.get(channel.getKey());
            if (sink == null) {
                throw new IllegalStateException("no sink configured for channel " + channel.getKey().key());
            }
            for (String destination : channel.getValue()) {
                Optional<String> inReplyTo = Optional.empty();
                if (publication.follows().isPresent()) {
                    Optional<DeliveryResult> signal = ledger.outcome(Delivery.idOf(publication.follows().get(),
                            release.tier(), channel.getKey(), destination));
                    if (signal.isEmpty()) {
                        awaiting.add(new Delivery(publication, release.tier(), channel.getKey(), destination));
                        continue;
                    }
                    // A signal the platform refused (chat gone) leaves nothing to reply to: the update stands alone.
                    inReplyTo = signal.get() instanceof DeliveryResult.Sent sent && !sent.reference().isBlank()
                            ? Optional.of(sent.reference()) : Optional.empty();
                }
                Delivery delivery = new Delivery(publication, release.tier(), channel.getKey(), destination, inReplyTo);
                switch (claim(delivery, arrival)) {
                    case ALREADY_DONE -> {
                        continue;
                    }
                    case HELD_ELSEWHERE -> {
                        heldElsewhere.add(delivery);
                        continue;
                    }
                    case CLAIMED -> {
                        // fall through to send
                    }
                }
                DeliveryResult result;
                try {
                    result = sink.deliver(delivery);
                } catch (DeliveryFailedException e) {
                    ledger.release(delivery);
                    failures.add(delivery.id() + ": " + e.getMessage());
                    continue;
                } catch (RuntimeException e) {
                    // Unexpected: give the claim back so the retry is not blocked for a whole lease, then fail.
                    ledger.release(delivery);
                    throw e;
                }
                // Not released if this write fails: the claim then expires, and the retry finds the platform
                // request already recorded by the sink (outbox file, or the live senders' request ledger).
                ledger.complete(delivery, result, clock.instant());
                completed.add(delivery);
            }
        }
        if (!failures.isEmpty()) {
            throw new DeliveryFailedException("deliveries to retry: " + String.join("; ", failures));
        }
        return new Outcome(completed, awaiting, heldElsewhere);
    }

    /** Claims {@code delivery}, waiting (bounded) while another invocation holds it. */
    private DeliveryLedger.Claim claim(Delivery delivery, Optional<QueueArrival> arrival) {
        DeliveryLedger.Claim claim = ledger.claim(delivery, clock.instant(), arrival);
        // The time waited is the sum of the pauses asked for, so the bound does not depend on a wall clock.
        Duration waited = Duration.ZERO;
        Duration next = claimWait.first();
        while (claim == DeliveryLedger.Claim.HELD_ELSEWHERE && waited.compareTo(claimWait.bound()) < 0) {
            Duration pause = min(next, claimWait.bound().minus(waited));
            try {
                claimWait.pause().pause(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return claim;
            }
            waited = waited.plus(pause);
            next = min(next.multipliedBy(2), claimWait.longest());
            claim = ledger.claim(delivery, clock.instant(), arrival);
        }
        return claim;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
